/**
 * The coach's caseload as a CSV (issue 16, lists out): their own current beneficiaries
 * only, in the home page's order (late first), in the reader's language, with text a
 * spreadsheet would run as a formula defused; other roles get nothing.
 */
import { describe, expect, it } from "vitest";
import { coachAssignments, coachingActions } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { serverT } from "../../../app/i18n/dictionaries.server";
import { parseCsv } from "../../../app/lib/csv";
import { makeUser } from "../../factories";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

async function follow(coachId: string, name: string, action?: { description: string; dueOn: string }) {
  const person = await makeUser(t.db, { displayName: name });
  await t.db.insert(coachAssignments).values({ coachId, beneficiaryId: person.id });
  if (action) await t.db.insert(coachingActions).values({ beneficiaryId: person.id, coachId, ...action });
  return person;
}

describe("the caseload CSV", () => {
  it("lists the coach's own beneficiaries, late actions first, in the reader's language", async () => {
    const coach = await makeUser(t.db, { role: "coach" });
    const other = await makeUser(t.db, { role: "coach" });
    const today = moroccoToday();
    await follow(coach.id, "Zeinab Plus-Tard", { description: "Appeler l'employeur", dueOn: addDays(today, 5) });
    await follow(coach.id, "Youssouf En-Retard", {
      description: '=HYPERLINK("http://evil.test")',
      dueOn: addDays(today, -2),
    });
    await follow(other.id, "Awa Ailleurs");

    const client = await app.signedIn(coach.email!);
    client.cookies.set("lng", "ar");
    const response = await client.get("/coaching/caseload.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parseCsv(await response.text());
    const ar = serverT("ar");
    expect(rows[0]).toEqual([
      ar("sheets.caseload.name"),
      ar("sheets.caseload.stage"),
      ar("sheets.caseload.overdue"),
      ar("sheets.caseload.businessVisit"),
      ar("sheets.caseload.employmentCheck"),
      ar("sheets.caseload.internshipOutcome"),
      ar("sheets.caseload.nextAction"),
      ar("sheets.caseload.dueOn"),
      ar("sheets.caseload.late"),
    ]);
    const body = rows.slice(1).filter((r) => r.length > 1);
    expect(body.map((r) => r[0])).toEqual(["Youssouf En-Retard", "Zeinab Plus-Tard"]);
    expect(body[0]).toEqual([
      "Youssouf En-Retard",
      ar("coaching.stage.guidance"),
      ar("form.no"),
      ar("form.no"),
      ar("form.no"),
      ar("form.no"),
      '\'=HYPERLINK("http://evil.test")',
      addDays(today, -2),
      ar("form.yes"),
    ]);
    expect(body[1]![8]).toBe(ar("form.no"));
  });

  it("marks a late next step as overdue on the coach's home, for a person in no internship", async () => {
    const coach = await makeUser(t.db, { role: "coach" });
    const today = moroccoToday();
    const late = await follow(coach.id, "Moussa Sans-Stage", { description: "Rappeler", dueOn: addDays(today, -1) });
    const onTime = await follow(coach.id, "Nadia A-Temps", { description: "Rappeler", dueOn: addDays(today, 3) });
    const html = await (await (await app.signedIn(coach.email!)).get("/home")).text();
    const item = (id: string) => {
      const start = html.indexOf(`data-beneficiary="${id}"`);
      return html.slice(html.lastIndexOf("<li", start), html.indexOf("</li>", start));
    };
    expect(item(late.id)).toContain("caseload-overdue");
    expect(item(late.id)).toContain('data-action-late="true"');
    expect(item(late.id)).toContain("Prochaine étape en retard");
    expect(item(onTime.id)).not.toContain("caseload-overdue");
    expect(item(onTime.id)).not.toContain("data-action-late");
  });

  it("is refused to applicants and case workers, and to anonymous visitors", async () => {
    for (const role of ["applicant", "case_worker"] as const) {
      const user = await makeUser(t.db, { role });
      const response = await (await app.signedIn(user.email!)).get("/coaching/caseload.csv");
      expect([403, 404]).toContain(response.status);
    }
    expect([302, 303]).toContain((await app.client().get("/coaching/caseload.csv")).status);
  });
});
