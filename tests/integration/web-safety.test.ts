import net from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { auditLog, pendingSignUps, users } from "../../db/schema";
import { createApp } from "../../app/server/app.server";
import { DEMO_PASSWORD, makeUser } from "../factories";
import { makePlan } from "../factories/business-plans";
import { loadBuild, useTestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

describe("cross-site requests", () => {
  it("refuses a form posted from another origin with 403, and changes nothing", async () => {
    const before = await t.db.$count(users);
    const waiting = await t.db.$count(pendingSignUps);
    const client = app.client();
    const fields = {
      displayName: "Forged",
      phone: "0677777777",
      password: "une phrase assez longue",
      passwordConfirm: "une phrase assez longue",
      acceptPrivacy: "on",
    };
    const foreign = await client.post("/signup", fields, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain("Ce formulaire ne vient pas du portail Masar");
    const noOrigin = await client.post("/signup", fields, { origin: null });
    expect(noOrigin.status).toBe(403);
    const foreignReferer = await client.post("/signup", fields, {
      origin: null,
      headers: { Referer: "https://evil.example/page" },
    });
    expect(foreignReferer.status).toBe(403);
    expect(await t.db.$count(users)).toBe(before);
    expect(await t.db.$count(pendingSignUps)).toBe(waiting);
    // the same request from the portal's own pages goes through
    const sameReferer = await client.post("/signup", fields, {
      origin: null,
      headers: { Referer: `${app.url}/signup` },
    });
    expect(sameReferer.status).toBe(302);
    expect(await t.db.$count(pendingSignUps)).toBe(waiting + 1);
  });

  it("refuses a forged sign-out or admin action too", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const target = await makeUser(t.db, { role: "coach" });
    const client = await app.signedIn(admin.email!);
    const forged = await client.post(
      `/admin/users/${target.id}`,
      { intent: "deactivate", confirm: "deactivate" },
      { origin: "http://127.0.0.1:1" },
    );
    expect(forged.status).toBe(403);
    const [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(row?.isActive).toBe(true);
  });
});

describe("security headers", () => {
  it("sends an enforced nonce CSP, nosniff, a strict referrer policy, and no-store on signed-in pages", async () => {
    const user = await makeUser(t.db);
    const client = await app.signedIn(user.email!);
    const response = await client.get("/home");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(response.headers.get("content-security-policy-report-only")).toBeNull();
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "default-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-inline");
    // every script of a page that runs the app's scripts (a plan's step, app/lib/hydration.ts)
    // carries its answer's nonce
    const plan = await makePlan(t.db, user.id, {});
    const step = await client.get(`/plans/${plan.id}/financial`);
    const stepNonce = (step.headers.get("content-security-policy") ?? "").match(/'nonce-([^']+)'/)?.[1];
    expect(stepNonce).toBeTruthy();
    const scripts = [...(await step.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${stepNonce}"`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-powered-by")).toBeNull();
    // a new nonce on every response
    const again = await client.get("/home");
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("shows translated error pages without internals", async () => {
    const client = app.client();
    const missing = await client.get("/no-such-page", { headers: { "Accept-Language": "en" } });
    expect(missing.status).toBe(404);
    const html = await missing.text();
    expect(html).toContain("Page not found");
    expect(html).not.toMatch(/at \w+ \(|node_modules|\.ts:\d|select |postgres/i);
    const user = await makeUser(t.db);
    await client.login(user.email!, DEMO_PASSWORD);
    client.cookies.set("lng", "ar");
    const denied = await client.get("/admin/users");
    expect(denied.status).toBe(403);
    const deniedHtml = await denied.text();
    expect(deniedHtml).toContain('dir="rtl"');
    expect(deniedHtml).toContain("الدخول مرفوض");
  });
});

describe("health and database outages", () => {
  it("answers /healthz with the database status", async () => {
    const ok = await app.client().get("/healthz");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 (health) and a translated 503 page while the database is unreachable", async () => {
    const build = await loadBuild();
    const dead = createDb("postgres://postgres@127.0.0.1:1/none", { max: 1 });
    const server = createApp({ build, db: dead.db, publicDir: path.resolve("public") }).listen(0, "127.0.0.1");
    await new Promise<void>((r) => server.once("listening", () => r()));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    try {
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: "error", db: "down" });
      const page = await fetch(`${base}/home`, {
        headers: { Cookie: "masar_session=abc; lng=fr" },
        redirect: "manual",
      });
      expect(page.status).toBe(503);
      const html = await page.text();
      expect(html).toContain("Service momentanément indisponible");
      expect(html).not.toContain("ECONNREFUSED");
    } finally {
      server.closeAllConnections();
      server.close();
      await dead.close();
    }
  });
});

describe("language", () => {
  it("switches language with a plain form, keeps it in a cookie, and renders Arabic right to left", async () => {
    const client = app.client();
    const switched = await client.post("/lang", { lng: "ar", redirectTo: "/login" });
    expect(switched.status).toBe(302);
    expect(switched.headers.get("location")).toBe("/login");
    const page = await client.get("/login");
    const html = await page.text();
    expect(html).toMatch(/<html lang="ar" dir="rtl"/);
    expect(html).toContain("تسجيل الدخول");
    // never redirect off-site
    const offsite = await client.post("/lang", { lng: "en", redirectTo: "//evil.example/" });
    expect(offsite.headers.get("location")).toBe("/");
  });

  it("falls back to Accept-Language, then French", async () => {
    const en = await app.client().get("/login", { headers: { "Accept-Language": "en-US,en;q=0.9" } });
    expect(await en.text()).toMatch(/<html lang="en" dir="ltr"/);
    const none = await app.client().get("/login", { headers: { "Accept-Language": "de" } });
    expect(await none.text()).toMatch(/<html lang="fr" dir="ltr"/);
  });

  it("serves each dictionary under its version, cached for good", async () => {
    const page = await (await app.client().get("/login")).text();
    const version = page.match(/data-i18n="([0-9a-f]+)"/)?.[1];
    const dict = await app.client().get(`/locales/ar?v=${version}`);
    expect(dict.headers.get("cache-control")).toContain("immutable");
    expect((await dict.json())["nav.signIn"]).toBe("تسجيل الدخول");
  });
});

describe("audit", () => {
  it("writes who, role, organisation, action, entity and IP, never field values", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const client = await app.signedIn(admin.email!);
    await client.post("/admin/users/new", {
      displayName: "Nouvelle Coach",
      email: "new-coach@masar.test",
      role: "coach",
      locale: "fr",
    });
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.create"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: admin.id, actorRole: "admin", entityType: "user" });
    expect(JSON.stringify(rows)).not.toContain("new-coach@masar.test");
    expect(JSON.stringify(rows)).not.toContain("Nouvelle Coach");
  });
});

describe("bodies answered before they are read", () => {
  const MB = 1024 * 1024;

  /** The status of each of 20 anonymous posts of `body` to /profile, or how it failed. */
  async function postTwentyTimes(body: string) {
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      try {
        const response = await fetch(`${app.url}/profile`, {
          method: "POST",
          body,
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.url },
          redirect: "manual",
        });
        await response.arrayBuffer();
        outcomes.push(String(response.status));
      } catch (error) {
        outcomes.push(`failed: ${String((error as Error).cause ?? error)}`);
      }
    }
    return outcomes;
  }

  it("answers a large anonymous form with its redirect, never a connection reset", async () => {
    // about a third of these were reset when only the request was resumed
    const body = `about=${"a".repeat(MB - 100)}`;
    const outcomes = await postTwentyTimes(body);
    expect(outcomes).toEqual(Array(20).fill("302"));
  });

  it("answers a form over the limit with 413, never a connection reset", async () => {
    const body = `about=${"a".repeat(MB)}`;
    const outcomes = await postTwentyTimes(body);
    expect(outcomes).toEqual(Array(20).fill("413"));
  });

  it("closes the connection of a declared 48 MB form long before it is sent", async () => {
    // a raw socket: an HTTP client stops sending once its answer has come
    const total = 48 * MB;
    const { port } = new URL(app.url);
    const written = await new Promise<number>((resolve) => {
      const socket = net.connect(Number(port), "127.0.0.1");
      let sent = 0;
      const chunk = Buffer.alloc(64 * 1024, 97);
      socket.on("data", () => undefined);
      socket.on("error", () => undefined);
      socket.on("close", () => resolve(sent));
      const pump = () => {
        while (sent < total && !socket.destroyed) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once("drain", pump);
        }
        if (sent >= total) socket.end();
      };
      socket.on("connect", () => {
        socket.write(
          `POST /profile HTTP/1.1\r\nHost: ${new URL(app.url).host}\r\nOrigin: ${app.url}\r\n` +
            `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${total}\r\n\r\n`,
        );
        pump();
      });
    });
    expect(written).toBeLessThan(16 * MB);
  });
});

describe("the sign-in redirect target", () => {
  const ATTACKS = [
    "//evil.test",
    "/\\evil.test",
    "https:evil.test",
    "https://evil.test",
    "/\t/evil.test",
    "/\n/evil.test",
    "java\tscript:alert(1)",
    "javascript:alert(1)",
    "/.//evil.test",
    "/a/..//evil.test",
    "/%2e%2e//evil.test",
    "%2F%2Fevil.test",
    "\\\\evil.test",
    "/\\/evil.test",
    "///evil.test",
    "https:/evil.test",
    " //evil.test",
    "\t//evil.test",
    "//evil.test\t",
    "/\r\n//evil.test",
    "//portal@evil.test",
    "/./\\evil.test",
    "data:text/html,<script>alert(1)</script>",
  ];

  /** Where a browser goes with the Location header of a sign-in with this target. */
  async function landing(redirectTo: string): Promise<URL> {
    const user = await makeUser(t.db, { email: `redirect-${Date.now()}-${Math.random()}@masar.test` });
    const answer = await app.client().post("/login", { identifier: user.email!, password: DEMO_PASSWORD, redirectTo });
    expect(answer.status).toBe(302);
    return new URL(answer.headers.get("location") ?? "", app.url);
  }

  for (const target of ATTACKS) {
    it(`never leaves the portal: ${JSON.stringify(target)}`, async () => {
      const url = await landing(target);
      expect(url.origin).toBe(app.url);
      expect(url.pathname).toBe("/home");
    });
  }

  it("the language switcher's way back stays on the portal too, for every one of them", async () => {
    const client = app.client();
    for (const target of ATTACKS) {
      const answer = await client.post("/lang", { lng: "en", redirectTo: target });
      expect(answer.status, JSON.stringify(target)).toBe(302);
      const url = new URL(answer.headers.get("location") ?? "", app.url);
      expect(url.origin, JSON.stringify(target)).toBe(app.url);
      expect(url.pathname, JSON.stringify(target)).toBe("/");
    }
  });

  it("keeps percent-encoded tricks as paths of the portal, never another site", async () => {
    for (const target of ["/%5Cevil.test", "/%2F%2Fevil.test/", "/%09/evil.test", "/\uff0f\uff0fevil.test"]) {
      const url = await landing(target);
      expect(url.origin, JSON.stringify(target)).toBe(app.url);
      expect(url.pathname.startsWith("//"), JSON.stringify(target)).toBe(false);
    }
  });

  it("keeps an encoded slash as a path of the portal, and the portal's own paths as typed", async () => {
    const encoded = await landing("/%2F%2Fevil.test");
    expect(encoded.origin).toBe(app.url);
    expect(encoded.pathname).toBe("/%2F%2Fevil.test");
    const own = await landing("/grants/calls?status=open");
    expect(`${own.pathname}${own.search}`).toBe("/grants/calls?status=open");
  });
});
