/**
 * Bad days posted to the protection forms (issue 18; the list of every date input is in
 * ../form-dates.test.ts), each by a case worker of the case's association over an
 * otherwise valid body: a registration's date of birth and its correction, a vulnerability
 * assessment's day, a service's day and the days of its kind (follow-up, check-in,
 * check-out) when recorded and when corrected, a hospital referral's follow-up day set with
 * its status and an SMS's appointment day. Each is a 400 naming the field, and nothing is
 * written.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { beneficiaryCases, caseMessages, caseServices, vulnerabilityAssessments } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { uniqueSuffix } from "../../factories";
import { makeCase, makeService } from "../../factories/protection";
import { uniqueMobile } from "../helpers/messages";
import { correctionForm, registration, useTwoAssociations } from "../protection/setup";
import { BAD_DAYS_TYPED, refusesEveryBadDay } from "./bad-days";

const { t, s } = useTwoAssociations();

/** The version a correction form carries, read from the page as a browser would. */
const versionOf = async (path: string) => (await correctionForm(s.clients.workerA, path)).version;

const hospital = { kind: "hospital_referral", facility: "CHU Ibn Sina", specialty: "Cardiologie", urgency: "urgent" };
const shelter = { kind: "shelter", place: "Foyer Al Amal" };

const caseOfA = (values: Partial<Parameters<typeof makeCase>[1]> = {}, consent: Parameters<typeof makeCase>[2] = {}) =>
  makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id, ...values }, consent);

describe("a day that is not a day, on a protection form, is a 400 naming the field and changes nothing", () => {
  it("a registration's date of birth (left empty without an estimated age, it is asked for too)", async () => {
    const count = () => t.db.$count(beneficiaryCases, eq(beneficiaryCases.organisationId, s.orgA.id));
    const before = await count();
    const base = registration({ firstName: `Awa ${uniqueSuffix()}` });
    await refusesEveryBadDay(s.clients.workerA, "/protection/cases/new", base, "dateOfBirth");
    expect(await count()).toBe(before);
    expect((await s.clients.workerA.post("/protection/cases/new", base)).status).toBe(302);
    expect(await count()).toBe(before + 1);
  });

  it("a vulnerability assessment's day", async () => {
    const c = await caseOfA();
    const path = `/protection/cases/${c.id}/assessment`;
    const count = () => t.db.$count(vulnerabilityAssessments, eq(vulnerabilityAssessments.caseId, c.id));
    const base = { intent: "vulnerability", flags: ["irregular_situation"], assessedOn: moroccoToday() };
    await refusesEveryBadDay(s.clients.workerA, path, base, "assessedOn");
    expect(await count()).toBe(0);
    expect((await s.clients.workerA.post(path, base)).status).toBe(302);
    expect(await count()).toBe(1);
  });

  it("a service's day, on the form of each kind", async () => {
    const c = await caseOfA();
    const path = `/protection/cases/${c.id}/services/new`;
    const count = () => t.db.$count(caseServices, eq(caseServices.caseId, c.id));
    const base = { kind: "medical", serviceDate: moroccoToday(), reasonCategory: "general", outcome: "treated" };
    await refusesEveryBadDay(s.clients.workerA, path, base, "serviceDate");
    const shelter = { kind: "shelter", serviceDate: moroccoToday(), place: "Foyer", checkIn: moroccoToday() };
    await refusesEveryBadDay(s.clients.workerA, `${path}?kind=shelter`, shelter, "serviceDate");
    expect(await count()).toBe(0);
    expect((await s.clients.workerA.post(path, base)).status).toBe(302);
    expect(await count()).toBe(1);
  });

  it("the days of a service's kind when it is recorded: a referral's follow-up, a shelter's check-in and check-out", async () => {
    const c = await caseOfA();
    const path = `/protection/cases/${c.id}/services/new`;
    const count = () => t.db.$count(caseServices, eq(caseServices.caseId, c.id));
    const referral = { ...hospital, serviceDate: moroccoToday(), followUpDate: addDays(moroccoToday(), 7) };
    await refusesEveryBadDay(
      s.clients.workerA,
      `${path}?kind=hospital_referral`,
      referral,
      "followUpDate",
      BAD_DAYS_TYPED,
    );
    const stay = {
      ...shelter,
      serviceDate: moroccoToday(),
      checkIn: moroccoToday(),
      checkOut: addDays(moroccoToday(), 3),
    };
    await refusesEveryBadDay(s.clients.workerA, `${path}?kind=shelter`, stay, "checkIn");
    await refusesEveryBadDay(s.clients.workerA, `${path}?kind=shelter`, stay, "checkOut", BAD_DAYS_TYPED);
    expect(await count()).toBe(0);
    expect((await s.clients.workerA.post(`${path}?kind=shelter`, stay)).status).toBe(302);
    expect(await count()).toBe(1);
  });

  it("a service's day and its kind's days when it is corrected", async () => {
    const c = await caseOfA();
    const referral = await makeService(t.db, {
      caseId: c.id,
      kind: "hospital_referral",
      serviceDate: moroccoToday(),
      status: "requested",
      recordedById: s.workerA.id,
      details: { facility: "CHU Ibn Sina", specialty: "Cardiologie", urgency: "urgent" },
    });
    const stay = await makeService(t.db, {
      caseId: c.id,
      kind: "shelter",
      serviceDate: moroccoToday(),
      status: "done",
      recordedById: s.workerA.id,
      details: { place: "Foyer", checkIn: moroccoToday() },
    });
    const stored = async () =>
      t.db.select().from(caseServices).where(eq(caseServices.caseId, c.id)).orderBy(caseServices.id);
    const before = await stored();
    const referralPath = `/protection/cases/${c.id}/services/${referral.id}`;
    const stayPath = `/protection/cases/${c.id}/services/${stay.id}`;
    const referralBody = { ...hospital, version: await versionOf(referralPath), serviceDate: moroccoToday() };
    await refusesEveryBadDay(s.clients.workerA, referralPath, referralBody, "serviceDate");
    await refusesEveryBadDay(s.clients.workerA, referralPath, referralBody, "followUpDate", BAD_DAYS_TYPED);
    const stayBody = {
      ...shelter,
      version: await versionOf(stayPath),
      serviceDate: moroccoToday(),
      checkIn: moroccoToday(),
    };
    await refusesEveryBadDay(s.clients.workerA, stayPath, stayBody, "serviceDate");
    await refusesEveryBadDay(s.clients.workerA, stayPath, stayBody, "checkIn");
    await refusesEveryBadDay(s.clients.workerA, stayPath, stayBody, "checkOut", BAD_DAYS_TYPED);
    expect(await stored()).toEqual(before);
    const corrected = { ...referralBody, followUpDate: addDays(moroccoToday(), 9) };
    expect((await s.clients.workerA.post(referralPath, corrected)).status).toBe(302);
    expect(await stored()).not.toEqual(before);
  });

  it("a case's date of birth when its identity is corrected (it may stay empty beside an estimated age)", async () => {
    const c = await caseOfA({ firstName: "Mariam", lastName: "Kone", estimatedAge: 24 });
    const path = `/protection/cases/${c.id}/identity`;
    const stored = async () => (await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, c.id)))[0];
    const before = await stored();
    const base = {
      ...registration({ firstName: "Mariam", lastName: "Kone" }),
      estimatedAge: "24",
      version: await versionOf(path),
    };
    await refusesEveryBadDay(s.clients.workerA, path, base, "dateOfBirth", BAD_DAYS_TYPED);
    expect(await stored()).toEqual(before);
    expect((await s.clients.workerA.post(path, { ...base, dateOfBirth: "1994-02-11" })).status).toBe(302);
  });

  it("a hospital referral's follow-up day, set with its next status (it may stay empty)", async () => {
    const c = await caseOfA();
    const referral = await makeService(t.db, {
      caseId: c.id,
      kind: "hospital_referral",
      serviceDate: moroccoToday(),
      status: "requested",
      recordedById: s.workerA.id,
      details: { facility: "CHU Ibn Sina", specialty: "Cardiologie", urgency: "urgent" },
    });
    const stored = async () => (await t.db.select().from(caseServices).where(eq(caseServices.id, referral.id)))[0];
    const before = await stored();
    const path = `/protection/cases/${c.id}`;
    const base = { intent: "status", serviceId: referral.id, status: "appointment_set" };
    await refusesEveryBadDay(s.clients.workerA, path, base, "dueDate", BAD_DAYS_TYPED);
    expect(await stored()).toEqual(before);
    const due = addDays(moroccoToday(), 5);
    expect((await s.clients.workerA.post(path, { ...base, dueDate: due })).status).toBe(302);
    expect(await stored()).toMatchObject({ status: "appointment_set", dueDate: due });
  });

  it("an SMS's appointment day (the appointment template needs one)", async () => {
    const phone = uniqueMobile();
    const c = await caseOfA({ phone: `0${phone.slice(4)}` }, { sms: true, language: "fr" });
    const path = `/protection/cases/${c.id}/sms`;
    const count = () => t.db.$count(caseMessages, eq(caseMessages.caseId, c.id));
    const base = { intent: "sms", template: "appointment", date: addDays(moroccoToday(), 3), time: "10:00" };
    await refusesEveryBadDay(s.clients.workerA, path, base, "date");
    expect(await count()).toBe(0);
    expect((await s.clients.workerA.post(path, base)).status).toBe(302);
    expect(await count()).toBe(1);
  });
});
