/**
 * Acting for a person in the office (issue 15): registration with the notice read aloud,
 * the slip's identifier and one-time code, who may act for whom, the on-behalf rows and
 * audit rows, and what the person then reads.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  actsForPeople,
  auditLog,
  coachAssignments,
  internshipApplications,
  officeRegistrations,
  privacyAcceptances,
  profiles,
  trainingRegistrations,
  users,
  verificationCodes,
} from "../../../db/schema";
import { resetPasswordWithCode } from "../../../app/modules/auth/recovery.server";
import { signIn } from "../../../app/modules/auth/service.server";
import { formatLoginId } from "../../../app/modules/auth/rules";
import { actsFor } from "../../../app/modules/office/queries.server";
import { RegisterPersonSchema } from "../../../app/modules/office/schemas.server";
import { applyForPerson, enrolPerson, printSlip, registerPerson } from "../../../app/modules/office/service.server";
import { makeOrganisation, makeUser } from "../../factories";
import { makeHostOffer } from "../../factories/internships";
import { makeCohort, makeTraining } from "../../factories/trainings";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const meta = { ip: "127.0.0.1" };
const noPolicy = () => null;
const actor = (u: { id: string; role: "coach" | "case_worker" | "admin"; organisationId: string | null }) => ({
  id: u.id,
  role: u.role,
  organisationId: u.organisationId,
});

function input(overrides: Record<string, string> = {}) {
  const form = new FormData();
  const values = {
    givenName: "Mariama",
    familyName: "Bah",
    residentStatus: "migrant",
    locale: "ar",
    noticeLanguage: "sus",
    noticeRead: "on",
    ...overrides,
  };
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  const parsed = RegisterPersonSchema.safeParse(Object.fromEntries(form.entries()));
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

async function caseWorker(organisationId?: string) {
  const org = organisationId ?? (await makeOrganisation(t.db)).id;
  return actor({ ...(await makeUser(t.db, { role: "case_worker", organisationId: org })), role: "case_worker" });
}

async function coach() {
  const programme = await makeOrganisation(t.db, { kind: "programme" });
  return actor({ ...(await makeUser(t.db, { role: "coach", organisationId: programme.id })), role: "coach" });
}

async function registered(staff: ReturnType<typeof actor>, overrides: Record<string, string> = {}) {
  const result = await registerPerson(t.db, staff, input(overrides), meta);
  if (!result.ok) throw new Error(`not registered: ${JSON.stringify(result.errors)}`);
  return result.personId;
}

async function slip(staff: ReturnType<typeof actor>, personId: string, now = new Date(), replaces?: string) {
  const result = await printSlip(t.db, staff, personId, { ...meta, now }, { replaces });
  if (!result.ok) throw new Error("no slip");
  return result;
}

describe("registering a person in the office", () => {
  it("makes a staff-managed account with an identifier, the notice read aloud, an on-behalf row and an audit row", async () => {
    const staff = await caseWorker();
    const personId = await registered(staff);
    const [person] = await t.db.select().from(users).where(eq(users.id, personId));
    expect(person).toMatchObject({ role: "applicant", phone: null, email: null, passwordHash: null, locale: "ar" });
    expect(person?.loginId).toMatch(/^[ACDEFHJKMNPRTUVWXY3479]{8}$/);
    const [registration] = await t.db
      .select()
      .from(officeRegistrations)
      .where(eq(officeRegistrations.userId, personId));
    expect(registration).toMatchObject({
      registeredById: staff.id,
      organisationId: staff.organisationId,
      noticeLanguage: "sus",
      noticeReadById: staff.id,
    });
    expect(registration?.noticeReadAt).toBeInstanceOf(Date);
    const [profile] = await t.db.select().from(profiles).where(eq(profiles.userId, personId));
    expect(profile).toMatchObject({ givenName: "Mariama", familyName: "Bah", residentStatus: "migrant" });
    expect(await t.db.select().from(privacyAcceptances).where(eq(privacyAcceptances.userId, personId))).toHaveLength(1);
    const acts = await t.db.select().from(actsForPeople).where(eq(actsForPeople.personId, personId));
    expect(acts).toMatchObject([{ kind: "registration", staffId: staff.id }]);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "office.registration"), eq(auditLog.entityId, personId)));
    expect(audits).toMatchObject([{ actorId: staff.id, actorRole: "case_worker", entityType: "user" }]);
  });

  it("refuses a register without the notice read, and a phone another account holds", async () => {
    expect(RegisterPersonSchema.safeParse({ givenName: "A", familyName: "B", noticeLanguage: "fr" }).success).toBe(
      false,
    );
    const staff = await caseWorker();
    await makeUser(t.db, { phone: "+212611223344" });
    const before = await t.db.select({ id: users.id }).from(users);
    const result = await registerPerson(t.db, staff, input({ phone: "0611223344" }), meta);
    expect(result).toMatchObject({ ok: false, status: 400, errors: { phone: "errors.phone.taken" } });
    expect(await t.db.select({ id: users.id }).from(users)).toHaveLength(before.length);
  });
});

describe("who may act for whom", () => {
  it("case workers of the registering association, the coach who registered, the person's own coach; nobody else", async () => {
    const staffA = await caseWorker();
    const colleagueA = await caseWorker(staffA.organisationId!);
    const staffB = await caseWorker();
    const registeringCoach = await coach();
    const otherCoach = await coach();
    const admin = actor({ ...(await makeUser(t.db, { role: "admin" })), role: "admin" });

    const byAssociation = await registered(staffA);
    expect((await printSlip(t.db, colleagueA, byAssociation, meta)).ok).toBe(true);
    expect(await printSlip(t.db, staffB, byAssociation, meta)).toMatchObject({ ok: false, status: 404 });
    expect(await printSlip(t.db, registeringCoach, byAssociation, meta)).toMatchObject({ ok: false, status: 404 });
    expect(await printSlip(t.db, admin, byAssociation, meta)).toMatchObject({ ok: false, status: 404 });

    const byCoach = await registered(registeringCoach);
    expect((await printSlip(t.db, registeringCoach, byCoach, meta)).ok).toBe(true);
    expect(await printSlip(t.db, otherCoach, byCoach, meta)).toMatchObject({ ok: false, status: 404 });

    // a person who signed up alone: their own coach may enrol them, nobody prints them a slip
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { endsOn: "2099-01-01" });
    const selfMade = await makeUser(t.db, { role: "applicant" });
    await t.db.insert(coachAssignments).values({ coachId: otherCoach.id, beneficiaryId: selfMade.id });
    expect(await enrolPerson(t.db, staffA, selfMade.id, cohort.id, meta)).toMatchObject({ ok: false, status: 404 });
    expect((await enrolPerson(t.db, otherCoach, selfMade.id, cohort.id, meta)).ok).toBe(true);
    expect(await printSlip(t.db, otherCoach, selfMade.id, meta)).toMatchObject({ ok: false, status: 404 });

    // nobody acts for staff
    expect(await enrolPerson(t.db, staffA, colleagueA.id, cohort.id, meta)).toMatchObject({ ok: false, status: 404 });
    // nothing was written for the refused ones
    const slips = await t.db.select().from(actsForPeople).where(eq(actsForPeople.kind, "slip"));
    expect(slips.map((s) => s.staffId).sort()).toEqual([colleagueA.id, registeringCoach.id].sort());
  });
});

describe("the slip's code", () => {
  it("lets the person take the account over once, with the identifier as printed or typed loosely", async () => {
    const staff = await caseWorker();
    const personId = await registered(staff);
    const printed = await slip(staff, personId);
    const [stored] = await t.db.select().from(verificationCodes).where(eq(verificationCodes.userId, personId));
    // hashed at rest, handed over on paper
    expect(stored?.codeHash).not.toContain(printed.code);
    expect(stored).toMatchObject({ purpose: "account_setup", channel: null, target: printed.loginId });
    const typed = formatLoginId(printed.loginId).toLowerCase().replace("-", " ");
    const taken = await resetPasswordWithCode(
      t.db,
      { identifier: typed, code: printed.code, password: "ma-nouvelle-vie" },
      meta,
      noPolicy,
    );
    expect(taken.ok).toBe(true);
    const again = await resetPasswordWithCode(
      t.db,
      { identifier: printed.loginId, code: printed.code, password: "autre-chose-encore" },
      meta,
      noPolicy,
    );
    expect(again).toMatchObject({ ok: false, errors: { code: "errors.reset.invalid" } });
    const signedIn = await signIn(
      t.db,
      { identifier: formatLoginId(printed.loginId), password: "ma-nouvelle-vie" },
      { ...meta, locale: "ar" },
    );
    expect(signedIn.ok).toBe(true);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "auth.password_set_from_slip"))).toHaveLength(
      1,
    );
  });

  it("is spent once under 10 concurrent uses", async () => {
    const staff = await caseWorker();
    const personId = await registered(staff);
    const printed = await slip(staff, personId);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        resetPasswordWithCode(
          t.db,
          { identifier: printed.loginId, code: printed.code, password: `mot-de-passe-${i}-long` },
          meta,
          noPolicy,
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const sets = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.password_set_from_slip"), eq(auditLog.entityId, personId)));
    expect(sets).toHaveLength(1);
  });

  it("expires after 7 days", async () => {
    const staff = await caseWorker();
    const personId = await registered(staff);
    const printedAt = new Date("2026-12-01T10:00:00Z");
    const printed = await slip(staff, personId, printedAt);
    const late = await resetPasswordWithCode(
      t.db,
      { identifier: printed.loginId, code: printed.code, password: "ma-nouvelle-vie" },
      { ...meta, now: new Date("2026-12-08T10:00:01Z") },
      noPolicy,
    );
    expect(late).toMatchObject({ ok: false, errors: { code: "errors.reset.invalid" } });
    const inTime = await resetPasswordWithCode(
      t.db,
      { identifier: printed.loginId, code: printed.code, password: "ma-nouvelle-vie" },
      { ...meta, now: new Date("2026-12-08T09:59:59Z") },
      noPolicy,
    );
    expect(inTime.ok).toBe(true);
  });

  it("dies after five wrong tries, even fired at once; a new slip kills the last one", async () => {
    const staff = await caseWorker();
    const personId = await registered(staff);
    const printed = await slip(staff, personId);
    const wrong = printed.code === "000000" ? "111111" : "000000";
    await Promise.all(
      Array.from({ length: 8 }, () =>
        resetPasswordWithCode(
          t.db,
          { identifier: printed.loginId, code: wrong, password: "ma-nouvelle-vie" },
          meta,
          noPolicy,
        ),
      ),
    );
    const [row] = await t.db.select().from(verificationCodes).where(eq(verificationCodes.userId, personId));
    expect(row?.attempts).toBe(5);
    const right = await resetPasswordWithCode(
      t.db,
      { identifier: printed.loginId, code: printed.code, password: "ma-nouvelle-vie" },
      meta,
      noPolicy,
    );
    expect(right.ok).toBe(false);

    const first = await slip(staff, personId);
    // replacing a usable code is a confirmed step naming it (decision 0174-slip-reload)
    const [firstCode] = await t.db
      .select({ id: verificationCodes.id })
      .from(verificationCodes)
      .where(and(eq(verificationCodes.userId, personId), isNull(verificationCodes.usedAt)))
      .orderBy(desc(verificationCodes.createdAt))
      .limit(1);
    const second = await slip(staff, personId, new Date(), firstCode!.id);
    const withFirst = await resetPasswordWithCode(
      t.db,
      { identifier: first.loginId, code: first.code, password: "ma-nouvelle-vie" },
      meta,
      noPolicy,
    );
    if (first.code !== second.code) expect(withFirst.ok).toBe(false);
    const withSecond = await resetPasswordWithCode(
      t.db,
      { identifier: second.loginId, code: second.code, password: "ma-nouvelle-vie" },
      meta,
      noPolicy,
    );
    expect(withSecond.ok).toBe(true);
  });
});

describe("acting for the person", () => {
  async function offer() {
    return (await makeHostOffer(t.db)).offer;
  }

  it("registers them for a training and applies for an offer in their name, each with an on-behalf row they read", async () => {
    const staff = await caseWorker();
    const personId = await registered(staff);
    const training = await makeTraining(t.db, { titleFr: "Couture de base", titleAr: "أساسيات الخياطة" });
    const cohort = await makeCohort(t.db, training.id, { capacity: 1, endsOn: "2099-01-01" });
    expect(await enrolPerson(t.db, staff, personId, cohort.id, meta)).toEqual({ ok: true, status: "confirmed" });
    const [registration] = await t.db
      .select()
      .from(trainingRegistrations)
      .where(eq(trainingRegistrations.cohortId, cohort.id));
    expect(registration).toMatchObject({ userId: personId, status: "confirmed" });
    // the same service's rules: a second registration is refused, and changes nothing
    expect(await enrolPerson(t.db, staff, personId, cohort.id, meta)).toMatchObject({ ok: false, status: 409 });

    const o = await offer();
    const applied = await applyForPerson(t.db, staff, personId, o.id, meta);
    if (!applied.ok) throw new Error("not applied");
    const [application] = await t.db
      .select()
      .from(internshipApplications)
      .where(eq(internshipApplications.id, applied.id));
    expect(application).toMatchObject({ beneficiaryId: personId, status: "submitted", proposedById: null });

    const acts = await actsFor(t.db, personId);
    const [staffRow] = await t.db.select().from(users).where(eq(users.id, staff.id));
    expect(acts.map((a) => [a.kind, a.staffName])).toEqual(
      expect.arrayContaining([
        ["training_registration", staffRow?.displayName],
        ["internship_application", staffRow?.displayName],
        ["registration", staffRow?.displayName],
      ]),
    );
    expect(acts.find((a) => a.kind === "training_registration")).toMatchObject({ trainingTitleAr: "أساسيات الخياطة" });
    expect(acts.find((a) => a.kind === "internship_application")).toMatchObject({
      offerTitleFr: "Couturière en atelier",
    });
    const audits = await t.db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.entityId, personId));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["office.registration", "office.training_registration", "office.internship_application"]),
    );
    expect(audits.every((a) => a.actorId === staff.id)).toBe(true);
  });

  it("20 people enrolled by staff at once into 5 seats: 5 confirmed, 15 waiting", async () => {
    const staff = await caseWorker();
    const people = [];
    for (let i = 0; i < 20; i++) people.push(await registered(staff));
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { capacity: 5, endsOn: "2099-01-01" });
    const results = await Promise.all(people.map((p) => enrolPerson(t.db, staff, p, cohort.id, meta)));
    const statuses = results.map((r) => (r.ok ? r.status : "refused"));
    expect(statuses.filter((s) => s === "confirmed")).toHaveLength(5);
    expect(statuses.filter((s) => s === "waiting")).toHaveLength(15);
    expect(
      await t.db
        .select()
        .from(actsForPeople)
        .where(and(eq(actsForPeople.kind, "training_registration"), eq(actsForPeople.staffId, staff.id))),
    ).toHaveLength(20);
  });

  it("refuses a training the person's group may not take, writing nothing", async () => {
    const staff = await caseWorker();
    const personId = await registered(staff, { residentStatus: "migrant" });
    const training = await makeTraining(t.db, { audience: "young_moroccans" });
    const cohort = await makeCohort(t.db, training.id, { endsOn: "2099-01-01" });
    expect(await enrolPerson(t.db, staff, personId, cohort.id, meta)).toMatchObject({
      ok: false,
      status: 400,
      errors: { cohortId: "trainings.errors.notEligible" },
    });
    expect(
      await t.db.select().from(trainingRegistrations).where(eq(trainingRegistrations.userId, personId)),
    ).toHaveLength(0);
  });
});
