/**
 * Every date input of the app's forms, posted with a day that is not a day (issue 18):
 * 31 February, 29 February of a common year, year 0, month 99, day 0, a five-digit year,
 * an unpadded day and garbage. Each is a 400 that names the field, never a 5xx, and no
 * row is written or changed (the row or the count is compared before and after).
 *
 * How the list is derived: the first test reads every `.tsx` file under app/ and collects
 * each `type="date"` / `type="datetime-local"` input with its `name`, and each field
 * declared `type: "date"` in a table a form maps over; then it follows the imports of the
 * component holding it up to every route that shows it (route#name). A form shared by two
 * routes (recording a service and correcting it) is listed once per route, since each
 * route parses its own post. Every collected field must appear in COVERED (posted, as the
 * role that owns the form, over an otherwise valid body), with the test file that posts
 * it, and that file must name the route's path and the field: this one for the first
 * forms, ./form-dates/<module>.test.ts for the others (one helper, ./form-dates/bad-days.ts).
 * A new date field or a new route showing one fails that test until it is posted and
 * listed, and an entry whose field is gone fails it too. The days themselves are read by one helper,
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
import { PERSONAL_SECTION } from "../factories/business-plans";
import { draftCallForm } from "../factories/grants";
import { useTestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";
import { BAD_DAYS_TYPED, refusesEveryBadDay } from "./form-dates/bad-days";

const t = useTestDb();
const app = useTestApp(t);

const appDir = path.resolve(import.meta.dirname, "../../app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(appDir, file).split(path.sep).join("/");

/**
 * The exported components of `source` that render what stands at `index`: the nearest
 * `export function` before it, or every exported one when it stands before them all (a
 * table of fields that the file's form maps over).
 */
function componentsAround(source: string, index: number): string[] {
  const exported = [...source.matchAll(/^export (?:default )?function (\w+)/gm)];
  const before = exported.filter((m) => m.index < index).at(-1);
  return before ? [before[1]!] : exported.map((m) => m[1]!);
}

/** The named imports of each file of app/: what it imports, from which file (without extension). */
function importsOfApp(files: string[]) {
  return files.map((file) => {
    const source = readFileSync(file, "utf8");
    const imports = [...source.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"([^"]+)"/g)].map((m) => ({
      names: m[1]!.split(",").map((n) => n.replace(/^\s*type\s+/, "").trim()),
      from: m[2]!.startsWith("~/")
        ? path.join(appDir, m[2]!.slice(2))
        : m[2]!.startsWith(".")
          ? path.resolve(path.dirname(file), m[2]!)
          : m[2]!,
    }));
    return { file, source, imports };
  });
}

/**
 * The route files that show `component` of `file`: the file itself when it is a route,
 * else every file importing the component by name, followed up to the routes (through
 * the components of modules that render it).
 */
function routesShowing(
  all: ReturnType<typeof importsOfApp>,
  file: string,
  component: string,
  seen = new Set<string>(),
): string[] {
  if (relative(file).startsWith("routes/")) return [relative(file)];
  const key = `${file}#${component}`;
  if (seen.has(key)) return [];
  seen.add(key);
  const bare = file.replace(/\.tsx?$/, "");
  const usedBy = (user: (typeof all)[number]) =>
    [...user.source.matchAll(new RegExp(`<${component}[\\s/>]`, "g"))].flatMap((use) =>
      componentsAround(user.source, use.index).flatMap((c) => routesShowing(all, user.file, c, seen)),
    );
  return all.flatMap((user) => {
    // another component of the same file that renders it (a form around its fields)
    if (user.file === file) return usedBy(user);
    if (!user.imports.some((i) => i.from === bare && i.names.includes(component))) return [];
    if (relative(user.file).startsWith("routes/")) return [relative(user.file)];
    return usedBy(user);
  });
}

/**
 * `route#name` of every date input of app/, for each route that shows it: the element
 * around each `type="date"` / `type="datetime-local"`, and each field declared with
 * `type: "date"` in a table that a form maps over. A form shared by two routes (recording
 * and correcting a service) is listed once per route: each one parses its own post.
 */
function dateInputsOfApp(): string[] {
  const found = new Set<string>();
  const all = importsOfApp(sourceFiles(appDir));
  for (const { file, source } of all) {
    if (!file.endsWith(".tsx")) continue;
    const inputs: { name: string; index: number }[] = [];
    for (const match of source.matchAll(/type=["{]`?"?(date|datetime-local)"?`?[}"]?/g)) {
      const open = source.lastIndexOf("<", match.index);
      const close = source.indexOf(">", match.index);
      const element = source.slice(open, close);
      const name = /name=(?:"([^"]+)"|\{`([^`]+)`\}|\{"([^"]+)"\})/.exec(element);
      inputs.push({ name: name ? (name[1] ?? name[2] ?? name[3])! : "?", index: match.index });
    }
    for (const match of source.matchAll(/name: "(\w+)", type: "(?:date|datetime-local)"/g))
      inputs.push({ name: match[1]!, index: match.index });
    for (const input of inputs) {
      const routes = componentsAround(source, input.index).flatMap((c) => routesShowing(all, file, c));
      if (!routes.length) found.add(`${relative(file)}#${input.name} (shown by no route)`);
      for (const route of routes) found.add(`${route}#${input.name}`);
    }
  }
  return [...found].sort();
}

/** A route file's path as a test writes it: `protection.cases.$caseId.services.$serviceId` is `/protection/cases/${…}/services/${…}`. */
function pathOfRoute(route: string): RegExp {
  const segments = route
    .replace(/^routes\//, "")
    .replace(/\.tsx$/, "")
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) => segment.replace(/_$/, ""))
    .map((segment) => (segment.startsWith("$") ? "\\$\\{[^}]+\\}" : segment.replace(/[[\]]/g, "")));
  return new RegExp(`[\`"]/${segments.join("/")}[\`"?]`);
}

/** Every date input, by the route that shows it, and the test file that posts bad days to that route (this one, or one under ./). */
const COVERED: Record<string, string> = {
  "routes/admin.budget.tsx#effectiveOn": "form-dates/reporting.test.ts",
  "routes/admin.budget.tsx#endsOn": "form-dates/reporting.test.ts",
  "routes/admin.budget.tsx#occurredOn": "form-dates/reporting.test.ts",
  "routes/admin.budget.tsx#startsOn": "form-dates/reporting.test.ts",
  "routes/aid._index.tsx#endsOn": "form-dates/aid.test.ts",
  "routes/aid._index.tsx#startsOn": "form-dates/aid.test.ts",
  "routes/aid.rounds.$roundId.tsx#endsOn": "form-dates/aid.test.ts",
  "routes/aid.rounds.$roundId.tsx#startsOn": "form-dates/aid.test.ts",
  "routes/coaching.appointments.$appointmentId.tsx#date": "form-dates/coaching.test.ts",
  "routes/coaching.beneficiaries.$beneficiaryId.tsx#date": "form-dates/coaching.test.ts",
  "routes/coaching.beneficiaries.$beneficiaryId.tsx#due${i}": "form-dates/coaching.test.ts",
  "routes/coaching.beneficiaries.$beneficiaryId.tsx#endsOn": "form-dates/coaching.test.ts",
  "routes/coaching.beneficiaries.$beneficiaryId.tsx#heldOn": "form-dates/coaching.test.ts",
  "routes/coaching.beneficiaries.$beneficiaryId.tsx#loggedOn": "form-dates/coaching.test.ts",
  "routes/coaching.beneficiaries.$beneficiaryId.tsx#startsOn": "form-dates/coaching.test.ts",
  "routes/coaching.beneficiaries.$beneficiaryId.tsx#visitedOn": "businesses/follow-ups.test.ts",
  "routes/grants.calls.$callId_.edit.tsx#closesOn": "form-dates/grants.test.ts",
  "routes/grants.calls.$callId_.edit.tsx#opensOn": "form-dates/grants.test.ts",
  "routes/grants.calls.$callId_.edit.tsx#reviewDeadlineOn": "form-dates/grants.test.ts",
  "routes/grants.calls.new.tsx#closesOn": "form-dates.test.ts",
  "routes/grants.calls.new.tsx#opensOn": "form-dates.test.ts",
  "routes/grants.calls.new.tsx#reviewDeadlineOn": "form-dates.test.ts",
  "routes/groups.$activityId.tsx#heldOn": "form-dates/groups.test.ts",
  "routes/groups.new.tsx#heldOn": "form-dates/groups.test.ts",
  "routes/internships.hosts.tsx#startsOn": "form-dates/internships.test.ts",
  "routes/internships.offers.$offerId_.edit.tsx#startsOn": "form-dates/internships.test.ts",
  "routes/office.people.$personId.tsx#receivedOn": "form-dates/office.test.ts",
  "routes/placements.$placementId.tsx#contactedOn": "form-dates/internships.test.ts",
  "routes/profile._index.tsx#birthDate": "form-dates.test.ts",
  "routes/protection.cases.$caseId._index.tsx#dueDate": "form-dates/protection.test.ts",
  "routes/protection.cases.$caseId.assessment.tsx#assessedOn": "form-dates/protection.test.ts",
  "routes/protection.cases.$caseId.identity.tsx#dateOfBirth": "form-dates/protection.test.ts",
  "routes/protection.cases.$caseId.services.$serviceId.tsx#checkIn": "form-dates/protection.test.ts",
  "routes/protection.cases.$caseId.services.$serviceId.tsx#checkOut": "form-dates/protection.test.ts",
  "routes/protection.cases.$caseId.services.$serviceId.tsx#followUpDate": "form-dates/protection.test.ts",
  "routes/protection.cases.$caseId.services.$serviceId.tsx#serviceDate": "form-dates/protection.test.ts",
  "routes/protection.cases.$caseId.services.new.tsx#checkIn": "form-dates/protection.test.ts",
  "routes/protection.cases.$caseId.services.new.tsx#checkOut": "form-dates/protection.test.ts",
  "routes/protection.cases.$caseId.services.new.tsx#followUpDate": "form-dates/protection.test.ts",
  "routes/protection.cases.$caseId.services.new.tsx#serviceDate": "form-dates/protection.test.ts",
  "routes/protection.cases.$caseId.sms.tsx#date": "form-dates/protection.test.ts",
  "routes/protection.cases.new.tsx#dateOfBirth": "form-dates/protection.test.ts",
  "routes/reports._index.tsx#from": "form-dates/reporting.test.ts",
  "routes/reports._index.tsx#to": "form-dates/reporting.test.ts",
  "routes/trainings.$trainingId.tsx#endsOn": "form-dates.test.ts",
  "routes/trainings.$trainingId.tsx#startsOn": "form-dates.test.ts",
  "routes/trainings.cohorts.$cohortId.tsx#date": "form-dates.test.ts",
  "routes/trainings.cohorts.$cohortId_.edit.tsx#endsOn": "form-dates.test.ts",
  "routes/trainings.cohorts.$cohortId_.edit.tsx#startsOn": "form-dates.test.ts",
  "routes/trainings.sessions.$sessionId_.move.tsx#date": "form-dates.test.ts",
};

describe("the date inputs of the app", () => {
  it("every date input of app/, on every route that shows it, is listed with the test that posts it", () => {
    const found = dateInputsOfApp();
    expect(found.length).toBeGreaterThan(20);
    expect(Object.keys(COVERED).sort()).toEqual(found);
  });

  it("each test file named for a field posts to that route and names that field", () => {
    for (const [input, file] of Object.entries(COVERED)) {
      const source = readFileSync(path.resolve(import.meta.dirname, file), "utf8");
      const [route, field] = input.split("#") as [string, string];
      expect(source, `${input} in ${file}`).toMatch(pathOfRoute(route));
      expect(source, `${input} in ${file}`).toMatch(new RegExp(`["\\s{]${field.replace("${i}", "1")}["\\]:,]`));
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
    const base = draftCallForm("Appel dates");
    const count = async () => (await t.db.select().from(grantCalls)).length;
    const before = await count();
    for (const field of ["opensOn", "closesOn", "reviewDeadlineOn"])
      await refusesEveryBadDay(c, "/grants/calls/new", base, field);
    expect(await count()).toBe(before);
    const good = await c.post("/grants/calls/new", base);
    expect(good.status).toBe(302);
    expect(await count()).toBe(before + 1);
  });

  it("a cohort's first and last days, added and corrected, and a session added to it (an admin)", async () => {
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

    // the cohort's days, on its correction: the cohort keeps them
    const correction = { nameFr: "Cohorte", capacity: "5", startsOn: base.startsOn, endsOn: base.endsOn };
    const row = async () => (await t.db.select().from(trainingCohorts).where(eq(trainingCohorts.id, cohort.id)))[0];
    const stored = await row();
    const edit = `/trainings/cohorts/${cohort.id}/edit`;
    for (const field of ["startsOn", "endsOn"]) await refusesEveryBadDay(c, edit, correction, field);
    expect(await row()).toEqual(stored);
    expect((await c.post(edit, correction)).status).toBe(302);
  });

  it("a person's own birth date on their profile (an applicant; the field may stay empty)", async () => {
    const me = await makeUser(t.db, { role: "applicant" });
    const c = await app.signedIn(me.email!);
    const personal = PERSONAL_SECTION;
    const row = async () => (await t.db.select().from(profiles).where(eq(profiles.userId, me.id)))[0];
    const before = await row();
    await refusesEveryBadDay(c, "/profile", personal, "birthDate", BAD_DAYS_TYPED);
    expect(await row()).toEqual(before);
    expect((await c.post("/profile", personal)).status).toBe(302);
    expect((await row())?.birthDate).toBe("1996-05-01");
  });
});
