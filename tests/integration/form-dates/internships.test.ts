/**
 * Bad days posted to the internship forms (issue 18; the list of every date input is in
 * ../form-dates.test.ts): an offer's first day when it is added and when it is corrected
 * (an admin) and a contact logged on a
 * placement (its coach), over an otherwise valid body: a 400 naming the field, nothing written.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { coachAssignments, hostDetails, internshipOffers, placementContacts, placements } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { makeOrganisation, makeUser, uniqueSuffix } from "../../factories";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { refusesEveryBadDay } from "./bad-days";

const t = useTestDb();
const app = useTestApp(t);

async function host() {
  const org = await makeOrganisation(t.db, { kind: "host_company", name: `Menuiserie ${uniqueSuffix()}`, city: "fes" });
  await t.db.insert(hostDetails).values({ organisationId: org.id, sector: "food_processing", contactName: "H. A." });
  return org;
}

describe("a day that is not a day, on an internship form, is a 400 naming the field and changes nothing", () => {
  it("an offer's first day, added and corrected (an admin)", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const c = await app.signedIn(admin.email!);
    const { id: hostId } = await host();
    const count = () => t.db.$count(internshipOffers, eq(internshipOffers.hostId, hostId));
    const base = {
      intent: "offer",
      hostId,
      titleFr: "Apprenti·e menuisier",
      sector: "food_processing",
      city: "fes",
      startsOn: addDays(moroccoToday(), 30),
      durationWeeks: "8",
      stipend: "800",
      seats: "2",
    };
    await refusesEveryBadDay(c, "/internships/hosts", base, "startsOn");
    expect(await count()).toBe(0);
    expect((await c.post("/internships/hosts", base)).status).toBe(302);
    expect(await count()).toBe(1);

    // the same day, on the offer's correction: the offer keeps its first day
    const [offer] = await t.db.select().from(internshipOffers).where(eq(internshipOffers.hostId, hostId));
    const { intent: _intent, hostId: _host, ...correction } = base;
    const path = `/internships/offers/${offer!.id}/edit`;
    await refusesEveryBadDay(c, path, correction, "startsOn");
    const [kept] = await t.db.select().from(internshipOffers).where(eq(internshipOffers.id, offer!.id));
    expect(kept).toEqual(offer);
    expect((await c.post(path, { ...correction, startsOn: addDays(moroccoToday(), 31) })).status).toBe(302);
  });

  it("a contact logged on a placement (its coach)", async () => {
    const coach = await makeUser(t.db, { role: "coach" });
    const person = await makeUser(t.db, { displayName: "Fanta Keïta" });
    await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: person.id });
    const { id: hostId } = await host();
    const [placement] = await t.db
      .insert(placements)
      .values({
        beneficiaryId: person.id,
        hostId,
        coachId: coach.id,
        tutorName: "Tuteur",
        startsOn: addDays(moroccoToday(), -10),
        endsOn: addDays(moroccoToday(), 50),
        status: "ongoing",
      })
      .returning();
    const c = await app.signedIn(coach.email!);
    const path = `/placements/${placement!.id}`;
    const count = () => t.db.$count(placementContacts, eq(placementContacts.placementId, placement!.id));
    const base = { intent: "contact", kind: "visit", contactedOn: moroccoToday(), notes: "Visite, tout va bien." };
    await refusesEveryBadDay(c, path, base, "contactedOn");
    expect(await count()).toBe(0);
    expect((await c.post(path, base)).status).toBe(302);
    expect(await count()).toBe(1);
  });
});
