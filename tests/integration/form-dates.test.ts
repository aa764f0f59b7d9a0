/**
 * Every date input of the app's forms, posted with a day that is not a day (issue 18):
 * 31 February, 29 February of a common year, year 0, month 99, day 0, a five-digit year,
 * an unpadded day and garbage. Each is a 400 that names the field, never a 5xx, and no
 * row is written or changed (the row or the count is compared before and after).
 *
 * How the list is derived: the first test reads every `.tsx` file under app/ and collects
 * each `type="date"` / `type="datetime-local"` input with its `name` (file#name). Every
 * collected field must appear in COVERED (posted, as the role that owns the
 * form, over an otherwise valid body), with the test file that posts it: this one for the
 * first forms, ./form-dates/<module>.test.ts for the others (one helper, ./form-dates/bad-days.ts).
 * A new date field anywhere in app/ fails that test until it is posted and listed, and an
 * entry whose field is gone fails it too. The days themselves are read by one helper,
 * `dateField` (app/lib/fields.server.ts) over `isIsoDate` (app/lib/morocco-time.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { grantCalls, profiles, trainingCohorts, trainingSessions } from "../../db/schema";
import { addDays, moroccoToday } from "../../app/lib/morocco-time";
import { makeUser } from "../factories";
import { makeCohort, makeSessions, makeTraining } from "../factories/trainings";
import { useTestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";
import { BAD_DAYS_TYPED, refusesEveryBadDay } from "./form-dates/bad-days";

const t = useTestDb();
const app = useTestApp(t);

const appDir = path.resolve(import.meta.dirname, "../../app");

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

/** `file#name` of every date input in app/: the element around each `type="date"`. */
function dateInputsOfApp(): string[] {
  const found = new Set<string>();
  for (const file of tsxFiles(appDir)) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/type=["{]`?"?(date|datetime-local)"?`?[}"]?/g)) {
      const open = source.lastIndexOf("<", match.index);
      const close = source.indexOf(">", match.index);
      const element = source.slice(open, close);
      const name = /name=(?:"([^"]+)"|\{`([^`]+)`\}|\{"([^"]+)"\})/.exec(element);
      const relative = path.relative(appDir, file).split(path.sep).join("/");
      found.add(`${relative}#${name ? (name[1] ?? name[2] ?? name[3]) : "?"}`);
    }
  }
  return [...found].sort();
}

/** Every date input, and the test file that posts bad days to it (this one, or one of ./form-dates/). */
const COVERED: Record<string, string> = {
  "modules/trainings/move-session-form.tsx#date": "form-dates.test.ts",
  "modules/profiles/profile-form.tsx#birthDate": "form-dates.test.ts",
  "modules/trainings/cohort-sections.tsx#date": "form-dates.test.ts",
  "modules/trainings/training-sections.tsx#startsOn": "form-dates.test.ts",
  "modules/trainings/training-sections.tsx#endsOn": "form-dates.test.ts",
  "modules/grants/call-form.tsx#opensOn": "form-dates.test.ts",
  "modules/grants/call-form.tsx#closesOn": "form-dates.test.ts",
  "modules/grants/call-form.tsx#reviewDeadlineOn": "form-dates.test.ts",
  "modules/aid/aid-home-sections.tsx#endsOn": "form-dates/aid.test.ts",
  "modules/aid/aid-home-sections.tsx#startsOn": "form-dates/aid.test.ts",
  "modules/aid/round-sections.tsx#endsOn": "form-dates/aid.test.ts",
  "modules/aid/round-sections.tsx#startsOn": "form-dates/aid.test.ts",
  "modules/businesses/follow-up-section.tsx#visitedOn": "businesses/follow-ups.test.ts",
  "modules/coaching/appointment-page.tsx#date": "form-dates/coaching.test.ts",
  "modules/coaching/appointment-section.tsx#date": "form-dates/coaching.test.ts",
  "modules/coaching/beneficiary-sections.tsx#due${i}": "form-dates/coaching.test.ts",
  "modules/coaching/beneficiary-sections.tsx#endsOn": "form-dates/coaching.test.ts",
  "modules/coaching/beneficiary-sections.tsx#heldOn": "form-dates/coaching.test.ts",
  "modules/coaching/beneficiary-sections.tsx#loggedOn": "form-dates/coaching.test.ts",
  "modules/coaching/beneficiary-sections.tsx#startsOn": "form-dates/coaching.test.ts",
  "modules/internships/host-sections.tsx#startsOn": "form-dates/internships.test.ts",
  "modules/internships/placement-sections.tsx#contactedOn": "form-dates/internships.test.ts",
  "modules/protection/case-file/care-sections.tsx#assessedOn": "form-dates/protection.test.ts",
  "modules/protection/case-file/care-sections.tsx#dueDate": "form-dates/protection.test.ts",
  "modules/protection/case-file/sms-section.tsx#date": "form-dates/protection.test.ts",
  "modules/protection/register/register-form.tsx#dateOfBirth": "form-dates/protection.test.ts",
  "modules/reporting/budget-sections.tsx#effectiveOn": "form-dates/reporting.test.ts",
  "modules/reporting/budget-sections.tsx#endsOn": "form-dates/reporting.test.ts",
  "modules/reporting/budget-sections.tsx#occurredOn": "form-dates/reporting.test.ts",
  "modules/reporting/budget-sections.tsx#startsOn": "form-dates/reporting.test.ts",
  "modules/reporting/dashboard-sections.tsx#from": "form-dates/reporting.test.ts",
  "modules/reporting/dashboard-sections.tsx#to": "form-dates/reporting.test.ts",
  "modules/protection/case-file/service-form.tsx#serviceDate": "form-dates/protection.test.ts",
  "modules/groups/activity-form.tsx#heldOn": "form-dates/groups.test.ts",
  "modules/office/sections.tsx#receivedOn": "form-dates/office.test.ts",
  "routes/grants.calls.$callId_.edit.tsx#closesOn": "form-dates/grants.test.ts",
  "routes/grants.calls.$callId_.edit.tsx#reviewDeadlineOn": "form-dates/grants.test.ts",
};

describe("the date inputs of the app", () => {
  it("every date input of app/ is either posted below or listed as not yet posted", () => {
    const found = dateInputsOfApp();
    expect(found.length).toBeGreaterThan(20);
    expect(Object.keys(COVERED).sort()).toEqual(found);
  });

  it("each test file named for a field posts to a form holding that field's name", () => {
    for (const [input, file] of Object.entries(COVERED)) {
      const source = readFileSync(path.resolve(import.meta.dirname, file), "utf8");
      const name = input.split("#")[1]!.replace("${i}", "1");
      expect(source, `${input} in ${file}`).toMatch(new RegExp(`["\\s{]${name}["\\]:,]`));
    }
  });
});

describe("a day that is not a day is a 400 naming the field, and changes nothing", () => {
  it("moving a training session (its trainer)", async () => {
    const trainer = await makeUser(t.db, { role: "coach" });
    const training = await makeTraining(t.db, { titleFr: "Dates" });
    const cohort = await makeCohort(t.db, training.id, { capacity: 5 });
    const [session] = await makeSessions(t.db, cohort.id, 1, addDays(moroccoToday(), 20));
    await t.db.update(trainingSessions).set({ trainerId: trainer.id }).where(eq(trainingSessions.id, session!.id));
    const c = await app.signedIn(trainer.email!);
    const pathname = `/trainings/sessions/${session!.id}/move`;
    const row = async () => (await t.db.select().from(trainingSessions).where(eq(trainingSessions.id, session!.id)))[0];
    const before = await row();
    await refusesEveryBadDay(c, pathname, { time: "10:00", placeFr: "Rabat" }, "date");
    expect(await row()).toEqual(before);
    // the same form with a real day moves it: the 400s above were the day's
    const good = await c.post(pathname, { date: addDays(moroccoToday(), 22), time: "10:00", placeFr: "Rabat" });
    expect(good.status).toBe(302);
  });

  it("a grant call's opening, closing and review days (an admin)", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const c = await app.signedIn(admin.email!);
    const base = {
      titleFr: "Appel dates",
      titleAr: "طلب",
      titleEn: "Call dates",
      audience: "both",
      opensOn: addDays(moroccoToday(), 1),
      closesOn: addDays(moroccoToday(), 30),
      reviewDeadlineOn: addDays(moroccoToday(), 60),
      budget: "100000",
      maxGrant: "20000",
      "criteria[0].labelFr": "Marché",
      "criteria[0].max": "10",
      "criteria[0].weight": "100",
    };
    const count = async () => (await t.db.select().from(grantCalls)).length;
    const before = await count();
    for (const field of ["opensOn", "closesOn", "reviewDeadlineOn"])
      await refusesEveryBadDay(c, "/grants/calls/new", base, field);
    expect(await count()).toBe(before);
    const good = await c.post("/grants/calls/new", base);
    expect(good.status).toBe(302);
    expect(await count()).toBe(before + 1);
  });

  it("a cohort's first and last days, and a session added to it (an admin)", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const c = await app.signedIn(admin.email!);
    const training = await makeTraining(t.db, { titleFr: "Dates des cohortes" });
    const cohorts = () => t.db.$count(trainingCohorts, eq(trainingCohorts.trainingId, training.id));
    const base = {
      intent: "cohort",
      nameFr: "Cohorte",
      capacity: "10",
      startsOn: addDays(moroccoToday(), 10),
      endsOn: addDays(moroccoToday(), 40),
    };
    for (const field of ["startsOn", "endsOn"]) await refusesEveryBadDay(c, `/trainings/${training.id}`, base, field);
    expect(await cohorts()).toBe(0);
    expect((await c.post(`/trainings/${training.id}`, base)).status).toBe(302);
    expect(await cohorts()).toBe(1);

    const cohort = await makeCohort(t.db, training.id, { capacity: 5 });
    const sessions = () => t.db.$count(trainingSessions, eq(trainingSessions.cohortId, cohort.id));
    const session = { date: addDays(moroccoToday(), 12), time: "09:30", placeFr: "Rabat" };
    await refusesEveryBadDay(c, `/trainings/cohorts/${cohort.id}`, session, "date");
    expect(await sessions()).toBe(0);
    expect((await c.post(`/trainings/cohorts/${cohort.id}`, session)).status).toBe(302);
    expect(await sessions()).toBe(1);
  });

  it("a person's own birth date on their profile (an applicant; the field may stay empty)", async () => {
    const me = await makeUser(t.db, { role: "applicant" });
    const c = await app.signedIn(me.email!);
    const personal = {
      givenName: "Moussa",
      familyName: "Traoré",
      sex: "male",
      birthDate: "1996-05-01",
      nationality: "ML",
      languagesSpoken: ["fr", "bm"],
      city: "Casablanca",
      region: "casablanca_settat",
      residentStatus: "migrant",
    };
    const row = async () => (await t.db.select().from(profiles).where(eq(profiles.userId, me.id)))[0];
    const before = await row();
    await refusesEveryBadDay(c, "/profile", personal, "birthDate", BAD_DAYS_TYPED);
    expect(await row()).toEqual(before);
    expect((await c.post("/profile", personal)).status).toBe(302);
    expect((await row())?.birthDate).toBe("1996-05-01");
  });
});
