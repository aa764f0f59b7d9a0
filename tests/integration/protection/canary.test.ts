/**
 * The canary test: a distinctive string in every sensitive field of protection and
 * aid, then every page, every data response (single fetch `.data`) and every export
 * requested as each role that must never see protection data. Zero hits. The case
 * worker who owns the case does see them, so the test cannot pass by accident.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../db/seed";
import { caseReferrals } from "../../../db/schema";
import { ACCESS_MATRIX } from "../../access";
import type { Fixture } from "../../access/types";
import { findOrMakeItem, makeAssessment, makeCase, makeNote, makeRound, makeService } from "../../factories/protection";
import { readPdfText } from "../../helpers/pdf";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { recordDistribution } from "../../../app/modules/aid/service.server";
import { vouchers } from "../../../db/schema";

const t = useTestDb();
const app = useTestApp(t);
const CANARY = "CANARYzq7";
let fixture: Fixture;
let extraPaths: string[] = [];

beforeAll(async () => {
  fixture = await seedDemo(t.db);
  const { orgs, accounts } = fixture.foundation;
  const cw = accounts.caseworker;
  const c = await makeCase(t.db, {
    organisationId: orgs.assocA.id,
    createdById: cw.id,
    applicantUserId: accounts.applicant.id,
    firstName: `${CANARY}first`,
    lastName: `${CANARY}last`,
    nameArabic: `${CANARY}عربي`,
    languages: `${CANARY}lang`,
    phone: "+212699999999",
    documentNumber: `${CANARY}doc`,
    // a town and a nationality are codes of their lists: no free text to leak (decision 0138-case-town-nationality-as-codes.md)
    householdNotes: `${CANARY}household`,
  });
  await makeNote(t.db, c.id, cw.id, `${CANARY}note`);
  await makeAssessment(t.db, c.id, cw.id, ["trafficking_victim", "irregular_situation"], `${CANARY}vulnerability`);
  await makeService(
    t.db,
    {
      caseId: c.id,
      kind: "legal",
      serviceDate: "2026-11-01",
      status: "open",
      provider: `${CANARY}provider`,
      recordedById: cw.id,
      details: { legalType: "regularisation" },
    },
    `${CANARY}servicenote`,
  );
  await makeService(t.db, {
    caseId: c.id,
    kind: "hospital_referral",
    serviceDate: "2026-01-01",
    status: "requested",
    recordedById: cw.id,
    details: { facility: `${CANARY}facility`, specialty: "x", urgency: "urgent" },
  });
  await t.db.insert(caseReferrals).values({
    caseId: c.id,
    kind: "referral",
    fromOrganisationId: orgs.assocA.id,
    toOrganisationId: orgs.assocCasa.id,
    requestedById: cw.id,
    consentOverrideById: cw.id,
    consentOverrideReason: `${CANARY}override`,
  });
  const item = await findOrMakeItem(t.db, "food_kit", "Kit du test canari"); // the catalogue is shared, not personal;
  const round = await makeRound(t.db, {
    organisationId: orgs.assocA.id,
    warehouseId: fixture.protection.warehouses.a.id,
    itemId: item.id,
    createdById: cw.id,
    name: `${CANARY}round`,
  });
  const { receiveStock } = await import("../../factories/protection");
  await receiveStock(t.db, fixture.protection.warehouses.a.id, item.id, 5, cw.id);
  const given = await recordDistribution(
    t.db,
    { id: cw.id, role: "case_worker", organisationId: orgs.assocA.id },
    round.id,
    c.id,
    {},
  );
  expect(given.ok).toBe(true);
  const [voucher] = await t.db
    .insert(vouchers)
    .values({
      caseId: c.id,
      organisationId: orgs.assocA.id,
      code: `${CANARY}-CODE`,
      valueCentimes: 10_000,
      issuedById: cw.id,
      expiresOn: "2099-12-31",
    })
    .returning();
  extraPaths = [
    `/protection/cases/${c.id}`,
    `/protection/cases/${c.id}/services/new?kind=legal`,
    `/protection/cases/${c.id}/export.json`,
    `/protection/cases/${c.id}/export.pdf`,
    "/protection?q=CANARY",
    `/aid/rounds/${round.id}`,
    `/aid/vouchers/${voucher!.id}.pdf`,
    `/aid/vouchers?code=x`,
  ];
});

function allPaths(): string[] {
  const pages = [...new Set([...ACCESS_MATRIX.map((e) => e.path(fixture)), ...extraPaths])];
  // single fetch: the data of a page is served at <path>.data (and /_root.data for "/")
  const data = pages.map((p) => {
    const [path, query] = p.split("?");
    const base = path === "/" ? "/_root" : path!;
    return `${base}.data${query ? `?${query}` : ""}`;
  });
  return [...pages, ...data];
}

async function bodyText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.headers.get("content-type")?.includes("application/pdf")) return readPdfText(bytes);
  return new TextDecoder().decode(bytes);
}

async function hitsAs(email: string): Promise<string[]> {
  const client = await app.signedIn(email);
  const hits: string[] = [];
  for (const path of allPaths()) {
    const response = await client.get(path);
    if ((await bodyText(response)).includes(CANARY)) hits.push(`${path} (${response.status})`);
  }
  return hits;
}

describe("canary: no protection data outside protection staff", () => {
  it("is visible to the case worker who owns the case (the control)", async () => {
    const hits = await hitsAs("caseworker@masar.test");
    expect(hits.length).toBeGreaterThan(5);
    expect(hits.some((h) => h.includes("export.pdf"))).toBe(true);
  });

  for (const email of [
    "committee@masar.test",
    "committee2@masar.test",
    "coach@masar.test",
    "donor@masar.test",
    "admin@masar.test",
    "applicant@masar.test",
  ]) {
    it(`never reaches ${email}, on any page, data response or export`, async () => {
      expect(await hitsAs(email)).toEqual([]);
    });
  }

  it("never reaches a case worker of another association", async () => {
    expect(await hitsAs("caseworker2@masar.test")).toEqual([]);
  });
});
