/**
 * Page reads answered in turn (decision 0192-pages-rendered-in-turn), over the real HTTP
 * stack: many at once are all answered; clients that leave while they wait free their
 * places (a place kept by a gone client would hang every later read); a form's post and
 * the health check are not held behind reads.
 */
import { expect, it } from "vitest";
import { TestClient, useTestApp } from "./helpers/app";
import { locksWaitingOn, useTestDb } from "./helpers/test-db";

const t = useTestDb();
// one place: every read but the first in the line waits, however long (the limit on the
// wait has its own test, read-wait-limit.test.ts): a slow machine refuses none of them here
const app = useTestApp(t, { renders: 1, readWaitLimitMs: 0 });

it("answers 40 reads sent at once, one at a time, every one of them", async () => {
  const answers = await Promise.all(Array.from({ length: 40 }, () => fetch(`${app.url}/login`)));
  expect(answers.map((r) => r.status)).toEqual(Array(40).fill(200));
  for (const r of answers) expect(await r.text()).toContain('name="identifier"');
});

it("frees the places of clients that leave while they wait", async () => {
  // 30 reads, each given up as soon as its request is sent: most leave while they wait
  const left = Array.from({ length: 30 }, async () => {
    const controller = new AbortController();
    const request = fetch(`${app.url}/login`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 1);
    return request.then(
      (r) => r.status,
      () => "left",
    );
  });
  const outcomes = await Promise.all(left);
  expect(outcomes).toContain("left");
  // with one place, a place kept by any of them would leave these waiting until the test's timeout
  const after = await Promise.all(Array.from({ length: 5 }, () => fetch(`${app.url}/login`)));
  expect(after.map((r) => r.status)).toEqual(Array(5).fill(200));
});

it("does not hold a form's post nor the health check behind the reads waiting their turn", async () => {
  const { client: signedIn } = await app.asNewUser({ role: "applicant" });
  // The one place is taken by a signed-in read held on the database: this test locks the
  // business plans' table, which the applicant's home reads (her session is checked before
  // the read takes its place, on another table). The reads sent after it wait
  // their turn until the lock goes, so what is answered meanwhile was not held in the line,
  // however slow the machine.
  const lock = await t.sql.reserve();
  try {
    await lock`begin`;
    await lock`lock table business_plans in access exclusive mode`;
    const held = signedIn.get("/home");
    // held: waiting on the lock
    await expect.poll(() => locksWaitingOn(t, "business_plans"), { timeout: 15_000 }).toBeGreaterThan(0);
    let readsAnswered = 0;
    const reads = Array.from({ length: 20 }, () => fetch(`${app.url}/login`).then((r) => (readsAnswered++, r)));
    // a sign-in with its fields missing (refused at once, before any password is hashed) and
    // the health check: answered, or "held" after 10 s (the lock would hold them forever)
    const within = (answer: Promise<Response>) =>
      Promise.race([
        answer.then((r) => r.status),
        new Promise<string>((resolve) => setTimeout(() => resolve("held"), 10_000)),
      ]);
    const answered = await Promise.all([
      within(new TestClient(app.url).post("/login", {})),
      within(fetch(`${app.url}/healthz`)),
    ]);
    expect(answered).toEqual([400, 200]);
    // answered while the line has not moved
    expect(readsAnswered).toBe(0);
    await lock`commit`;
    expect((await held).status).toBe(200);
    expect((await Promise.all(reads)).map((r) => r.status)).toEqual(Array(20).fill(200));
  } finally {
    await lock`rollback`; // a failure above left the lock taken
    lock.release();
  }
});
