/**
 * /verify (issue 13): without a code, a box to type one; a code is accepted in any case
 * and with or without dashes or spaces, and lands on its one address.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trainingCertificates } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { markAttendance, register } from "../../../app/modules/trainings/service.server";
import { makeUser } from "../../factories";
import { makeCohort, makeSessions, makeTraining } from "../../factories/trainings";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

async function certificateCode() {
  const admin = await makeUser(t.db, { role: "admin" });
  const holder = await makeUser(t.db, { displayName: "Aïcha Verifiée" });
  const training = await makeTraining(t.db, { minAttendancePercent: 50 });
  const start = addDays(moroccoToday(), -5);
  const cohort = await makeCohort(t.db, training.id, { startsOn: start, endsOn: start });
  const [session] = await makeSessions(t.db, cohort.id, 1, start);
  await register(t.db, { id: holder.id, role: "applicant", organisationId: null }, cohort.id, {});
  const marks = new Map([[holder.id, "present" as const]]);
  await markAttendance(t.db, { id: admin.id, role: "admin", organisationId: null }, session!.id, marks, {});
  const [cert] = await t.db.select().from(trainingCertificates).where(eq(trainingCertificates.userId, holder.id));
  return cert!.code;
}

describe("/verify", () => {
  it("offers a box to type a code, to anyone", async () => {
    const page = await app.client().get("/verify");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<form method="get" action="\/verify"/);
    expect(html).toContain('name="code"');
  });

  it("takes a code typed in lower case, without dashes, with spaces, to its page", async () => {
    const code = await certificateCode();
    const typed = code.toLowerCase().replace(/-/g, " ");
    const fromBox = await app.client().get(`/verify?code=${encodeURIComponent(typed)}`);
    expect(fromBox.status).toBe(302);
    expect(fromBox.headers.get("location")).toBe(`/verify/${code}`);
    const bare = await app.client().get(`/verify/${code.toLowerCase().replace(/-/g, "")}`);
    expect(bare.status).toBe(302);
    expect(bare.headers.get("location")).toBe(`/verify/${code}`);
    const page = await (await app.client().get(`/verify/${code}`)).text();
    expect(page).toContain('data-verify="valid"');
    // Latin initials isolated, so an Arabic page does not read ".A. V"
    expect(page).toContain("<bdi>A. V.</bdi>");
  });

  it("says a code is unknown and offers the box again with what was typed", async () => {
    const page = await app.client().get("/verify/ZZZZ-ZZZZ-ZZZZ");
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain('data-verify="unknown"');
    expect(html).toContain('value="ZZZZ-ZZZZ-ZZZZ"');
    expect((await app.client().get("/verify/not-a-code")).status).toBe(404);
  });
});
