/**
 * Sign-in throttling per account: the phone and the e-mail of one account (in any of
 * their spellings) share one counter of failures, besides the counter of each
 * identifier and of each address. The answer never tells that two identifiers belong
 * to one account.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginAttempts, users } from "../../db/schema";
import { DEMO_PASSWORD, makeUser } from "../factories";
import { useTestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

const checkedFailures = (userId: string) =>
  t.db.$count(loginAttempts, and(eq(loginAttempts.userId, userId), eq(loginAttempts.succeeded, false)));

describe("sign-in throttling per account", () => {
  it("counts guesses by the phone, the e-mail and their other spellings against one limit", async () => {
    const victim = await makeUser(t.db, { phone: "+212611000001", email: "two-ids@masar.test" });
    // five spellings of the account's two identifiers: each alone stays under its own limit
    const spellings = ["+212611000001", "0611000001", "two-ids@masar.test", " TWO-IDS@masar.test ", "00212611000001"];
    for (const [i, identifier] of spellings.entries()) {
      const r = await app.client().post("/login", { identifier, password: `wrong-guess-${i}` });
      expect(r.status, identifier).toBe(400);
    }
    expect(await checkedFailures(victim.id)).toBe(5);
    // the right password, by either identifier, no longer opens the account
    for (const identifier of ["two-ids@masar.test", "06 11 00 00 01"]) {
      const r = await app.client().post("/login", { identifier, password: DEMO_PASSWORD });
      expect(r.status, identifier).toBe(400);
      expect(r.headers.get("set-cookie") ?? "").not.toContain("masar_session=");
    }
    // and nothing more was checked against it
    expect(await checkedFailures(victim.id)).toBe(5);
  });

  it("counts an office slip's identifier, in any spelling, against the same limit as the phone", async () => {
    const victim = await makeUser(t.db, { phone: "+212611000006", email: null });
    await t.db.update(users).set({ loginId: "K7MX4PRA" }).where(eq(users.id, victim.id));
    const spellings = ["K7MX4PRA", "k7mx-4pra", " K7MX 4PRA ", "k7mx.4pra", "0611000006"];
    for (const [i, identifier] of spellings.entries()) {
      const r = await app.client().post("/login", { identifier, password: `slip-guess-${i}` });
      expect(r.status, identifier).toBe(400);
    }
    expect(await checkedFailures(victim.id)).toBe(5);
    for (const identifier of ["K7MX-4PRA", "+212611000006"]) {
      const r = await app.client().post("/login", { identifier, password: DEMO_PASSWORD });
      expect(r.status, identifier).toBe(400);
      expect(r.headers.get("set-cookie") ?? "").not.toContain("masar_session=");
    }
    expect(await checkedFailures(victim.id)).toBe(5);
  });

  it("answers a locked account exactly as a wrong password: nothing links its identifiers", async () => {
    await makeUser(t.db, { phone: "+212611000002", email: "linked@masar.test" });
    await makeUser(t.db, { phone: "+212611000003", email: "unlinked@masar.test" });
    for (let i = 0; i < 5; i++) await app.client().post("/login", { identifier: "+212611000002", password: `no-${i}` });
    const linked = await app.client().post("/login", { identifier: "linked@masar.test", password: "a-guess-123" });
    const unlinked = await app.client().post("/login", { identifier: "unlinked@masar.test", password: "a-guess-123" });
    expect(linked.status).toBe(unlinked.status);
    expect(linked.headers.get("retry-after")).toBe(unlinked.headers.get("retry-after"));
    const summary = (html: string) => html.match(/data-testid="error-summary">.*?<li>(.*?)<\/li>/)?.[1];
    expect(summary(await linked.text())).toBe(summary(await unlinked.text()));
  });

  it("holds under concurrent guesses through both identifiers: exactly 5 are checked", async () => {
    const victim = await makeUser(t.db, { phone: "+212611000004", email: "race@masar.test" });
    const identifiers = ["+212611000004", "race@masar.test", "0611000004", "RACE@masar.test"];
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        app.client().post("/login", { identifier: identifiers[i % identifiers.length]!, password: `race-${i}-x` }),
      ),
    );
    for (const r of answers) expect([400, 429]).toContain(r.status);
    expect(await checkedFailures(victim.id)).toBe(5);
    // 5 more passed their identifier's limit and were refused unchecked; they still count there
    const keys = ["phone:+212611000004", "email:race@masar.test"];
    expect(
      await t.db.$count(loginAttempts, and(inArray(loginAttempts.identifierKey, keys), isNull(loginAttempts.userId))),
    ).toBe(5);
  });

  it("a success resets the account's counter; locks of one account leave another alone", async () => {
    const user = await makeUser(t.db, { phone: "+212611000005", email: "reset@masar.test" });
    const other = await makeUser(t.db, { email: "neighbour@masar.test" });
    for (let i = 0; i < 4; i++)
      await app.client().post("/login", { identifier: "reset@masar.test", password: `x-${i}-x` });
    expect((await app.client().post("/login", { identifier: "0611000005", password: DEMO_PASSWORD })).status).toBe(302);
    for (let i = 0; i < 4; i++) await app.client().post("/login", { identifier: "+212611000005", password: `y-${i}` });
    expect((await app.client().post("/login", { identifier: user.email!, password: DEMO_PASSWORD })).status).toBe(302);
    expect((await app.client().post("/login", { identifier: other.email!, password: DEMO_PASSWORD })).status).toBe(302);
  });
});
