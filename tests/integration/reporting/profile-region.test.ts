/**
 * A person's region as their profile says it is the region the reports count them in:
 * one applicant per region of the one list (the profile's), each saved through the
 * profile's form schema and service, no town given, reached by a consultation. Before
 * migration 0055 the reports folded the stored code against the French region names,
 * and a profile in `oriental` ("L'Oriental" folds to `loriental`) was counted nowhere.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { REGIONS } from "../../../app/modules/profiles/rules";
import { ProfileSchema } from "../../../app/modules/profiles/schemas.server";
import { saveProfile } from "../../../app/modules/profiles/service.server";
import { REGIONS as REPORT_REGIONS } from "../../../app/modules/reporting/frameworks";
import { cellText } from "../../../app/modules/reporting/labels";
import { buildReport } from "../../../app/modules/reporting/report.server";
import { wiredSources } from "../../../app/modules/reporting/sources.server";
import { serverT } from "../../../app/i18n/dictionaries.server";
import { asActor, makeOrganisation, makeUser } from "../../factories";
import { makeCase, makeService } from "../../factories/protection";
import { reachByResult } from "../../helpers/reporting-reference";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const Q1 = { from: "2026-01-01", to: "2026-03-31", organisationId: null };

beforeAll(async () => {
  const organisation = await makeOrganisation(t.db);
  const worker = await makeUser(t.db, { role: "case_worker", organisationId: organisation.id });
  for (const region of REGIONS) {
    const applicant = await makeUser(t.db, { role: "applicant" });
    const input = ProfileSchema.parse({ region, languagesSpoken: [], languagesRead: [], seeks: [], experience: [] });
    await saveProfile(t.db, asActor(applicant), input);
    // the person's case file names no town: the region can only come from the profile
    const kase = await makeCase(t.db, {
      organisationId: organisation.id,
      createdById: worker.id,
      applicantUserId: applicant.id,
      city: null,
      nationality: "GN",
    });
    await makeService(t.db, {
      caseId: kase.id,
      kind: "medical",
      serviceDate: "2026-02-01",
      status: "done",
      details: { reasonCategory: "general", outcome: "treated" },
      costCentimes: 0,
      recordedById: worker.id,
    });
  }
});

describe("a profile's region in the reports", () => {
  it("counts each person in the region their profile names, the Oriental included", async () => {
    const rows = await reachByResult(t.db, wiredSources(), Q1);
    const inRegion = (iso: string) =>
      rows.find((r) => r.key === "all" && r.dimension === "region" && r.category === iso)?.persons ?? 0;
    const counted = Object.fromEntries(REPORT_REGIONS.map((r) => [r.key, inRegion(r.code)]));
    expect(counted).toEqual(Object.fromEntries(REGIONS.map((r) => [r, 1])));
    expect(inRegion("unknown")).toBe(0);
  });

  it("writes the Oriental's row of the report with its person, under the profile's label in Arabic", async () => {
    const report = await buildReport(t.db, { audience: "admin", filter: Q1, sources: wiredSources() });
    const table = report.tables.find((x) => x.id === "reach-region");
    const ar = serverT("ar");
    const all =
      table?.columns.findIndex((c) => cellText(c.label, "label", ar, "ar") === ar("reporting.result.all")) ?? -1;
    expect(all).toBeGreaterThan(0);
    const row = table?.rows.find((r) => cellText(r[0] ?? null, "label", ar, "ar") === ar("profiles.region.oriental"));
    expect(row?.[all]).toBe(1);
  });
});
