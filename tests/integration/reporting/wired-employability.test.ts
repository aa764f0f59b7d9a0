/**
 * The employability indicators wired to trainings, coaching and internships (issue 5),
 * and people described by their own profile (issue 3), on a fixture with known counts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  guidanceSessions,
  placementOutcomes,
  placements,
  profiles,
  trainingCertificates,
  trainingCohorts,
  trainingRegistrations,
  trainings,
} from "../../../db/schema";
import { reachByResult } from "../../helpers/reporting-reference";
import { buildReport } from "../../../app/modules/reporting/report.server";
import { wiredSources } from "../../../app/modules/reporting/sources.server";
import { makeOrganisation, makeUser } from "../../factories";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const Q1 = { from: "2026-01-01", to: "2026-03-31", organisationId: null };

beforeAll(async () => {
  const coach = await makeUser(t.db, { role: "coach" });
  const host = await makeOrganisation(t.db, { kind: "host_company" });
  const people = await Promise.all([1, 2, 3, 4].map(() => makeUser(t.db, { role: "applicant" })));
  const [p1, p2, p3, p4] = people.map((p) => p.id) as [string, string, string, string];
  await t.db.insert(profiles).values([
    { userId: p1, sex: "female", birthDate: "2004-01-01", nationality: "GN", residentStatus: "migrant", city: "rabat" },
    {
      userId: p2,
      sex: "male",
      birthDate: "1990-01-01",
      nationality: "MA",
      residentStatus: "moroccan",
      region: "casablanca_settat",
    },
    { userId: p3, sex: "female", birthDate: "1999-01-01", nationality: "CM", city: "agadir" },
  ]);
  const training = async (category: "soft_skills" | "language_culture" | "entrepreneurship_orientation") => {
    const [tr] = await t.db
      .insert(trainings)
      .values({ category, titleFr: category, titleAr: category, titleEn: category, deliveryLanguages: ["fr"] })
      .returning();
    const [co] = await t.db
      .insert(trainingCohorts)
      .values({ trainingId: tr!.id, nameFr: "C1", capacity: 20, startsOn: "2026-01-05", endsOn: "2026-02-05" })
      .returning();
    return co!.id;
  };
  const soft = await training("soft_skills");
  const language = await training("language_culture");
  const orientation = await training("entrepreneurship_orientation");
  let n = 0;
  const certify = async (cohortId: string, userId: string, revoked = false) => {
    const [reg] = await t.db
      .insert(trainingRegistrations)
      .values({ cohortId, userId, status: "confirmed" })
      .returning();
    await t.db.insert(trainingCertificates).values({
      registrationId: reg!.id,
      userId,
      cohortId,
      code: `CERT-TEST-${++n}`,
      issuedAt: new Date("2026-02-06T10:00:00Z"),
      revokedAt: revoked ? new Date("2026-02-07T10:00:00Z") : null,
      revokedReason: revoked ? "revoked_by_admin" : null,
    });
  };
  await certify(soft, p1);
  await certify(soft, p2);
  await certify(soft, p3, true); // revoked: not a completion
  await certify(language, p1);
  await certify(orientation, p4);
  await t.db
    .insert(guidanceSessions)
    .values({ beneficiaryId: p3, coachId: coach.id, heldOn: "2026-03-01", goals: "Trouver un emploi" });
  const [placement] = await t.db
    .insert(placements)
    .values({
      beneficiaryId: p2,
      hostId: host.id,
      coachId: coach.id,
      tutorName: "Tuteur",
      startsOn: "2026-01-10",
      endsOn: "2026-03-10",
      status: "completed",
    })
    .returning();
  await t.db.insert(placements).values({
    beneficiaryId: p1,
    hostId: host.id,
    coachId: coach.id,
    tutorName: "Tuteur",
    startsOn: "2026-01-10",
    endsOn: "2026-03-10",
    status: "proposed",
  });
  await t.db.insert(placementOutcomes).values([
    { placementId: placement!.id, checkpoint: "end", employmentStatus: "seeking", recordedOn: "2026-03-10" },
    { placementId: placement!.id, checkpoint: "month_3", employmentStatus: "hired_by_host", recordedOn: "2026-06-10" },
  ]);
});

describe("employability and entrepreneurship indicators", () => {
  it("counts trainings completed, guidance and internships as employability, orientation as entrepreneurship", async () => {
    const rows = await reachByResult(t.db, wiredSources(), Q1);
    const total = (k: string) => rows.find((r) => r.key === k && r.dimension === null)?.persons;
    // p1 (soft skills, language), p2 (soft skills, internship), p3 (guidance; her certificate is revoked)
    expect(total("employability")).toBe(3);
    expect(total("entrepreneurship")).toBe(1);
    const n = (d: string, c: string) =>
      rows.find((r) => r.key === "employability" && r.dimension === d && r.category === c)?.persons ?? 0;
    expect([n("sex", "f"), n("sex", "m")]).toEqual([2, 1]);
    expect([n("region", "MA-04"), n("region", "MA-06"), n("region", "MA-09")]).toEqual([1, 1, 1]);
    expect([n("migrant", "migrant"), n("migrant", "national")]).toEqual([2, 1]);
    expect(n("age_band", "18-24")).toBe(1);
    expect(n("age_band", "25-59")).toBe(2);
    // no profile: the person is counted, with unknown characteristics
    const e = (d: string, c: string) =>
      rows.find((r) => r.key === "entrepreneurship" && r.dimension === d && r.category === c)?.persons ?? 0;
    expect(e("sex", "unknown")).toBe(1);
  });

  it("lists employment outcomes at each checkpoint, and the SNIA objectives they serve", async () => {
    const report = await buildReport(t.db, {
      audience: "admin",
      filter: { ...Q1, to: "2026-06-30" },
      sources: wiredSources(),
    });
    const outputs = report.tables.find((x) => x.id === "outputs")?.rows ?? [];
    const detailRows = outputs
      .filter((r) => JSON.stringify(r[0]) === JSON.stringify({ key: "reporting.activity.internship_outcome" }))
      .map((r) => [r[1], r[2]]);
    expect(detailRows).toEqual([
      [{ detail: "end:seeking" }, 1],
      [{ detail: "month_3:hired_by_host" }, 1],
    ]);
    const snia = report.tables.find((x) => x.id === "frameworks")?.rows ?? [];
    const os = (o: string) =>
      snia.find((r) => JSON.stringify(r[0]) === JSON.stringify({ key: `reporting.objective.${o}` }))?.[1];
    expect(os("OS3")).toBe(1);
    // OS10: soft skills (p1, p2), orientation (p4), internship (p2), guidance (p3)
    expect(os("OS10")).toBe(4);
  });
});
