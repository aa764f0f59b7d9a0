/**
 * A page read that waits its turn longer than the limit (decision 0211)
 * leaves the line unrendered and gets the translated "very busy" page (503, Retry-After),
 * over the real HTTP stack; the read that holds the place is not cut, a form's post and the
 * health check are answered meanwhile, and once the line moves every page is served again.
 */
import { expect, it } from "vitest";
import { TestClient, useTestApp } from "./helpers/app";
import { memoryLogger } from "./helpers/log";
import { locksWaitingOn, useTestDb } from "./helpers/test-db";

const t = useTestDb();
const log = memoryLogger();
// one place, and a short wait: every read behind the one held is refused after a second
const app = useTestApp(t, { renders: 1, readWaitLimitMs: 1000, logger: log.logger });

/** An answer, or "held" if none came within 10 s (the lock in the test would hold it forever) */
const within = (answer: Promise<Response>) =>
  Promise.race([answer, new Promise<"held">((resolve) => setTimeout(() => resolve("held"), 10_000))]);
const statusOf = (answer: Response | "held") => (answer === "held" ? answer : answer.status);

it("refuses the reads that wait past the limit with the translated busy page, and serves them again after", async () => {
  const { client: signedIn } = await app.asNewUser({ role: "applicant" });
  // The one place is taken by a signed-in read held on the database: the applicant's home
  // reads the business plans, which this test locks (her session is checked, on another
  // table, before the read takes its place).
  const lock = await t.sql.reserve();
  try {
    await lock`begin`;
    await lock`lock table business_plans in access exclusive mode`;
    let heldAnswered = false;
    const held = signedIn.get("/home").then((r) => ((heldAnswered = true), r));
    // held: waiting on the lock
    await expect.poll(() => locksWaitingOn(t, "business_plans"), { timeout: 15_000 }).toBeGreaterThan(0);
    // a search in the address can hold a name: the log must not
    const french = fetch(`${app.url}/login?q=Fatima%20Zahra`, { headers: { "Accept-Language": "fr" } });
    const arabic = fetch(`${app.url}/login`, { headers: { "Accept-Language": "ar" } });
    // a sign-in with its fields missing (refused at once, before any password is hashed) and
    // the health check are not held in the line, so never refused by its limit
    const meanwhile = await Promise.all([
      within(new TestClient(app.url).post("/login", {})),
      within(fetch(`${app.url}/healthz`)),
    ]);
    expect(meanwhile.map(statusOf)).toEqual([400, 200]);

    const [fr, ar] = await Promise.all([within(french), within(arabic)]);
    if (fr === "held" || ar === "held") throw new Error(`still waiting their turn: ${statusOf(fr)}, ${statusOf(ar)}`);
    expect([fr.status, ar.status]).toEqual([503, 503]);
    expect([fr.headers.get("retry-after"), ar.headers.get("retry-after")]).toEqual(["5", "5"]);
    expect(fr.headers.get("cache-control")).toBe("no-store");
    const frPage = await fr.text();
    expect(frPage).toContain('<html lang="fr" dir="ltr">');
    expect(frPage).toContain("Le portail est très sollicité");
    expect(frPage).toContain("Réessayez dans quelques secondes.");
    // not rendered: no sign-in form
    expect(frPage).not.toContain('name="identifier"');
    const arPage = await ar.text();
    expect(arPage).toContain('<html lang="ar" dir="rtl">');
    expect(arPage).toContain("البوابة مشغولة جدا");
    expect(arPage).toContain("أعد المحاولة بعد ثوانٍ");
    // the read holding the place is not cut by the limit: it waits on the lock
    expect(heldAnswered).toBe(false);

    await lock`commit`;
    expect((await held).status).toBe(200);
    const after = await Promise.all([
      fetch(`${app.url}/login`, { headers: { "Accept-Language": "fr" } }),
      fetch(`${app.url}/login`, { headers: { "Accept-Language": "ar" } }),
      signedIn.get("/home"),
    ]);
    expect(after.map((r) => r.status)).toEqual([200, 200, 200]);
  } finally {
    await lock`rollback`; // a failure above left the lock taken
    lock.release();
  }

  // one warning per refused read, through the request's log (its request id), nothing personal
  const warnings = log.lines.filter((line) => line.msg === "read waited too long for its turn");
  expect(warnings).toHaveLength(2);
  for (const warning of warnings) {
    expect(warning).toMatchObject({ level: "warn", event: "read.refused", waitedMs: 1000 });
    expect(typeof warning.reqId).toBe("string");
  }
  const refused = log.lines.filter((line) => line.event === "request" && line.status === 503);
  expect(refused.map((line) => line.reqId).sort()).toEqual(warnings.map((line) => line.reqId).sort());
  expect(log.text()).not.toContain("Fatima");
});
