/**
 * The feedback throttles, held by the database: messages per address (or per account),
 * and unknown references per address. Concurrent requests cannot slip past either.
 * Its own file: it fills the test client's address for the rest of the database's life.
 */
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { feedbackAttempts, feedbackItems } from "../../../db/schema";
import { makeUser } from "../../factories";
import { makeFeedback } from "../../factories/feedback";
import { FEEDBACK_THROTTLE } from "../../../app/modules/feedback/rules";
import { followFeedback, sendFeedback } from "../../../app/modules/feedback/service.server";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

async function itemCount() {
  const [row] = await t.db.select({ n: count() }).from(feedbackItems);
  return row?.n ?? 0;
}

const message = { category: "complaint" as const, message: "Rien reçu.", locale: "fr" as const };

describe("messages per address", () => {
  it("accepts ten messages an hour from one address, even sent at once, and refuses the rest with a translated 429", async () => {
    const before = await itemCount();
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) => {
        const client = app.client();
        client.cookies.set("lng", "ar");
        return client.post("/feedback", { category: "suggestion", message: `اقتراح ${i}` });
      }),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 302)).toHaveLength(FEEDBACK_THROTTLE.submit.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15 - FEEDBACK_THROTTLE.submit.limit);
    const refused = answers.find((a) => a.status === 429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    const html = await refused!.text();
    expect(html).toContain("أُرسلت رسائل كثيرة من هذا الاتصال");
    expect(html).toContain("اقتراح"); // the message typed is shown again, to send later
    expect(await itemCount()).toBe(before + FEEDBACK_THROTTLE.submit.limit);
  });

  it("counts a signed-in sender by account, not by the shared address, and forgets after the hour", async () => {
    const [a, b] = [await makeUser(t.db), await makeUser(t.db)];
    const office = "203.0.113.7";
    const now = new Date("2026-12-01T10:00:00Z");
    for (let i = 0; i < FEEDBACK_THROTTLE.submit.limit; i++) {
      expect((await sendFeedback(t.db, message, { userId: a.id, ip: office }, { now })).ok).toBe(true);
    }
    expect((await sendFeedback(t.db, message, { userId: a.id, ip: office }, { now })).ok).toBe(false);
    expect((await sendFeedback(t.db, message, { userId: b.id, ip: office }, { now })).ok).toBe(true);
    expect((await sendFeedback(t.db, message, { userId: null, ip: office }, { now })).ok).toBe(true);
    const later = new Date(now.getTime() + FEEDBACK_THROTTLE.submit.windowMs + 1000);
    expect((await sendFeedback(t.db, message, { userId: a.id, ip: office }, { now: later })).ok).toBe(true);
    // a day on, the address is no longer kept
    const nextDay = new Date(now.getTime() + FEEDBACK_THROTTLE.keepMs + 1000);
    await sendFeedback(t.db, message, { userId: null, ip: "198.51.100.1" }, { now: nextDay });
    const kept = await t.db
      .select()
      .from(feedbackAttempts)
      .where(eq(feedbackAttempts.key, `ip:${office}`));
    expect(kept).toEqual([]);
  });
});

describe("guessing references", () => {
  it("stops an address after ten unknown references, also when they come at once", async () => {
    const known = await makeFeedback(t.db);
    const guesses = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        app.client().post("/feedback/follow", { reference: `ZZZZ-ZZ${"23456789ABCDEF"[i]}Z` }),
      ),
    );
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(FEEDBACK_THROTTLE.lookup.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(14 - FEEDBACK_THROTTLE.lookup.limit);
    // now even a right one waits: the answer must not tell a guesser which guess was good
    const right = await app.client().post("/feedback/follow", { reference: known.reference });
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toBeTruthy();
  });

  it("never stops a person checking their own reference, and does not count what cannot be a reference", async () => {
    const known = await makeFeedback(t.db);
    const ip = "192.0.2.55";
    for (let i = 0; i < 30; i++) {
      expect(await followFeedback(t.db, known.reference, ip)).toMatchObject({ ok: true });
      expect(await followFeedback(t.db, "not a reference", ip)).toMatchObject({ ok: false, status: 400 });
    }
    expect(await followFeedback(t.db, "ZZZZZZZZ", ip)).toMatchObject({ ok: false, status: 404 });
  });
});
