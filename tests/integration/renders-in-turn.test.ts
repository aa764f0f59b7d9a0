/**
 * Page reads answered in turn (decision 0192-pages-rendered-in-turn), over the real HTTP
 * stack: many at once are all answered; clients that leave while they wait free their
 * places (a place kept by a gone client would hang every later read); a form's post and
 * the health check are not held behind reads.
 */
import { expect, it } from "vitest";
import { TestClient, useTestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
// one place: every read but the first in the line waits
const app = useTestApp(t, { renders: 1 });

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
  const client = new TestClient(app.url);
  // many reads, so that a post or a health check answered in its own time (the health check
  // waits on the database, slower on a loaded machine: 22 reads went before it in one CI run
  // of 40) still comes long before the line's end, where it would come if held in it
  const reads = Array.from({ length: 200 }, () => fetch(`${app.url}/login`));
  // a sign-in with its fields missing: refused at once, before any password is hashed
  const post = client.post("/login", {});
  const health = fetch(`${app.url}/healthz`);
  const order: string[] = [];
  await Promise.all([
    ...reads.map((r) => r.then(() => order.push("read"))),
    post.then((r) => order.push(`post ${r.status}`)),
    health.then((r) => order.push(`health ${r.status}`)),
  ]);
  // both are answered (a refused sign-in, not a 5xx; a healthy server) while most reads sent
  // before them still wait their turn one at a time; held behind them, they would come last
  const postAt = order.findIndex((o) => o.startsWith("post"));
  const healthAt = order.findIndex((o) => o.startsWith("health"));
  expect(order[postAt]).toMatch(/^post 4\d\d$/);
  expect(order[healthAt]).toBe("health 200");
  expect(postAt).toBeLessThan(reads.length / 2);
  expect(healthAt).toBeLessThan(reads.length / 2);
});
