/**
 * Bad days posted as the day a person received a grant decision (issue 18; the list of
 * every date input is in ../form-dates.test.ts), by the coach who follows the person, over
 * an otherwise valid body: a 400 naming the field, and nothing recorded.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { coachAssignments, grantApplications } from "../../../db/schema";
import { moroccoToday } from "../../../app/lib/morocco-time";
import { makeOrganisation, makeUser } from "../../factories";
import { makeApplication, makeCall } from "../../factories/grants";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { refusesEveryBadDay } from "./bad-days";

const t = useTestDb();
const app = useTestApp(t);
const DAY = 86_400_000;

describe("a day that is not a day, on the office's forms, is a 400 naming the field and changes nothing", () => {
  it("the day the person received the decision (the coach who follows them)", async () => {
    const programme = await makeOrganisation(t.db, { kind: "programme" });
    const coach = await makeUser(t.db, { role: "coach", organisationId: programme.id });
    const person = await makeUser(t.db, { displayName: "Awa Person" });
    await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: person.id });
    const call = await makeCall(t.db, {
      status: "decided",
      opensAt: new Date(Date.now() - 60 * DAY),
      closesAt: new Date(Date.now() - 30 * DAY),
      reviewDeadline: new Date(Date.now() - 10 * DAY),
      publishedAt: new Date(Date.now() - 2 * DAY),
    });
    const application = await makeApplication(t.db, { callId: call.id, applicantId: person.id, status: "awarded" });
    const stored = async () =>
      (await t.db.select().from(grantApplications).where(eq(grantApplications.id, application.id)))[0]!;
    const before = await stored();
    const c = await app.signedIn(coach.email!);
    const path = `/office/people/${person.id}`;
    const base = { intent: "received", applicationId: application.id, receivedOn: moroccoToday(), how: "in_person" };
    await refusesEveryBadDay(c, path, base, "receivedOn");
    expect(await stored()).toEqual(before);
    expect((await c.post(path, base)).status).toBe(302);
    expect((await stored()).decisionReceivedOn).toBe(moroccoToday());
    // the same day, corrected (issue 15): refused the same way, the receipt kept as recorded
    const correct = { ...base, intent: "receipt", change: "correct", how: "phone", reason: "typing_error" };
    const recorded = await stored();
    await refusesEveryBadDay(c, path, correct, "receivedOn");
    expect(await stored()).toEqual(recorded);
  });
});
