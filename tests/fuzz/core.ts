/**
 * The fuzzer behind `npm run fuzz` and tests/integration/fuzz.test.ts: malformed
 * form posts to EVERY action of the build, as anonymous and as each demo role.
 *
 * Actions are the route modules that export `action`; their paths come from the
 * access matrix with the demo fixture (random uuids for parameters it has no row
 * for). Field names are scraped from the forms the route's page shows to any
 * visitor, plus forged hidden fields (role, status, score, organisationId, …).
 *
 * Two phases: anonymous and non-admin roles first, then admins. Around the first,
 * a snapshot proves nothing changed that those visitors may not change: every
 * existing account's role, activity, organisation and password, no new staff
 * account, no new organisation, no audit row of an admin. Any 5xx is a failure.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { ServerBuild } from "@remix-run/node";
import type postgres from "postgres";
import type { Fixture, Who } from "../access/types";
import { ACTING } from "../access/types";
import { DEMO_PASSWORD } from "../factories";
import { pathsForRoute, routePatterns } from "../bench/harness";
import { FORM_BODY_LIMIT } from "../../app/server/middleware.server";

export type FuzzOptions = {
  baseUrl: string;
  build: ServerBuild;
  fixture: Fixture;
  sql: postgres.Sql;
  count: number;
  concurrency?: number;
  seed?: number;
  /** the app trusts X-Forwarded-For (TRUST_PROXY=1): each post comes from its own address */
  forwardedFor?: boolean;
  log?: (line: string) => void;
};

export type FuzzReport = {
  actions: string[];
  /** "routes/x POST as role" -> status -> count */
  byAction: Map<string, Map<number, number>>;
  serverErrors: { action: string; who: Who; status: number; sample: string }[];
  /** posts whose connection was reset on every try: no status at all (docs/performance.md, "Fuzz") */
  lostToResets: { action: string; who: Who; status: number; sample: string }[];
  violations: string[];
  tableChanges: { table: string; before: number; after: number }[];
  sent: number;
  /** posts retried after the connection was reset before any answer */
  resets: number;
  /**
   * bodies over the limit whose connection broke (EPIPE, reset, closed) while they were
   * still being sent, after the server refused them: the refusal itself, confirmed by
   * sending the same headers alone, which must be answered 413
   */
  refusedWhileSending: number;
};

/** How a connection breaks under a client still sending: Node's and undici's names. */
const BROKEN_CONNECTION = new Set(["EPIPE", "ECONNRESET", "UND_ERR_SOCKET"]);
const brokenConnection = (error: unknown) =>
  BROKEN_CONNECTION.has((error as { cause?: { code?: string } }).cause?.code ?? "");

/**
 * The server's answer to a post's headers alone (its declared length, no body sent):
 * what it answers an over-limit body before reading it. The connection is closed after.
 */
function answerToHeadersAlone(url: string, headers: Record<string, string>, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { ...headers, "Content-Length": String(length) } });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error("no answer to the headers alone within 10 s"));
    }, 10_000);
    request.on("response", (response) => {
      clearTimeout(timer);
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.flushHeaders();
  });
}

// ------------------------------------------------------------------ payloads

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const MEGABYTE = "م".repeat(256 * 1024) + "x".repeat(512 * 1024); // about 1 MB in UTF-8

const FORGED_FIELDS = [
  "role",
  "status",
  "score",
  "scores",
  "organisationId",
  "userId",
  "applicantId",
  "ownerId",
  "intent",
  "id",
  "amount",
  "amountCentimes",
  "budget",
  "isActive",
  "decision",
  "state",
  "coachId",
  "caseId",
  "planId",
  "callId",
  "_action",
  "redirectTo",
  "locale",
  "lng",
  "accepted",
];

function valuePool(fixture: Fixture): string[] {
  const f = fixture.foundation;
  return [
    "",
    " ",
    "0",
    "-1",
    "-999999999999",
    "1e309",
    "99999999999999999999999999",
    "NaN",
    "Infinity",
    "3.14159",
    "true",
    "false",
    "null",
    "undefined",
    "[]",
    "{}",
    "[object Object]",
    '{"role":"admin"}',
    "admin",
    "applicant",
    "case_worker",
    "approved",
    "awarded",
    "rejected",
    "submitted",
    "closed",
    "deleted",
    "مرحبا بكم في مسار",
    "عربي ٠١٢٣٤٥٦٧٨٩",
    "🙂🚀👩🏽‍💻",
    "\u200f\u202e reversed",
    "Zoë Çağlar – ñ",
    "' OR '1'='1",
    "1; drop table users; --",
    "'); delete from audit_log; --",
    "%' and 1=0 union select password_hash from users --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{7*7}}",
    "${7*7}",
    "\u0000",
    "a\u0000b",
    "\r\nSet-Cookie: x=1",
    "../../../etc/passwd",
    "%00",
    "%2e%2e%2f",
    "2026-02-30",
    "31/12/9999",
    "0000-00-00",
    "1970-01-01T00:00:00Z",
    "+212600000099",
    "0600000099",
    "not-an-email@",
    randomUUID(),
    "00000000-0000-0000-0000-000000000000",
    "not-a-uuid",
    f.accounts.admin.id,
    f.accounts.caseworker2.id,
    f.accounts.applicant.id,
    f.orgs.assocB.id,
    f.orgs.programme.id,
    "https://evil.example/",
    "//evil.example",
    "/admin/users",
  ];
}

type Payload = { body: URLSearchParams | FormData; describe: string };

function makePayload(random: () => number, names: string[], pool: string[]): Payload {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const fields = new Map<string, string[]>();
  const huge = random() < 0.02; // 1 MB strings: often enough to matter, rarely enough to finish
  for (const name of names) {
    if (random() < 0.3) continue; // a missing field
    const repeat = random() < 0.1 ? 2 + Math.floor(random() * 3) : 1; // the same field several times
    const values: string[] = [];
    for (let k = 0; k < repeat; k++) values.push(huge && random() < 0.3 ? MEGABYTE : pick(pool));
    fields.set(name, values);
  }
  for (let k = 0; k < 1 + Math.floor(random() * 3); k++) fields.set(pick(FORGED_FIELDS), [pick(pool)]);
  if (random() < 0.05) fields.set(`x${Math.floor(random() * 1e6)}[]`, [pick(pool)]);
  const multipart = random() < 0.15;
  const body = multipart ? new FormData() : new URLSearchParams();
  for (const [name, values] of fields) {
    for (const v of values) {
      if (multipart && random() < 0.2)
        (body as FormData).append(name, new Blob([v]), pick(["a.pdf", "x.jpg", "../../x.png", "évil.exe"]));
      else body.append(name, v);
    }
  }
  const describe = [...fields.keys()]
    .map((k) => `${k}=${(fields.get(k)![0] ?? "").slice(0, 24)}`)
    .join("&")
    .slice(0, 300);
  const size = [...fields.values()].flat().reduce((n, v) => n + v.length, 0);
  return { body, describe: `${multipart ? "multipart " : ""}${size > 100_000 ? "[1 MB] " : ""}${describe}` };
}

// ------------------------------------------------------------------ snapshot

type Snapshot = { users: Map<string, string>; tables: Map<string, number>; maxAudit: number };

async function snapshot(sql: postgres.Sql): Promise<Snapshot> {
  const rows = await sql<{ id: string; line: string }[]>`
    select id::text, concat_ws('|', role, is_active, organisation_id, password_hash, email, phone) as line from users`;
  const tables = await sql<{ table_name: string }[]>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;
  const counts = new Map<string, number>();
  for (const { table_name } of tables) {
    const [c] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from "${table_name.replace(/"/g, '""')}"`);
    counts.set(table_name, c?.n ?? 0);
  }
  const [m] = await sql<{ n: number }[]>`select coalesce(max(id), 0)::int as n from audit_log`;
  return { users: new Map(rows.map((r) => [r.id, r.line])), tables: counts, maxAudit: m?.n ?? 0 };
}

// ------------------------------------------------------------------ the run

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { baseUrl, build, fixture, sql, count } = options;
  const log = options.log ?? (() => {});
  const random = rng(options.seed ?? Date.now());
  const patterns = routePatterns(build);
  const actionRoutes = Object.keys(build.routes).filter((id) => build.routes[id]?.module.action);
  const targets = actionRoutes.flatMap((id) =>
    pathsForRoute(id, patterns.get(id)!, fixture).map((path) => ({ id, path })),
  );
  const pool = valuePool(fixture);
  let address = 0;
  const from = (): Record<string, string> =>
    options.forwardedFor
      ? { "X-Forwarded-For": `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}` }
      : {};

  // sign everyone in (from an address of its own, which fuzzed sign-ins never use)
  const signInAs = async (who: Exclude<Who, "anonymous">) => {
    const r = await fetch(`${baseUrl}/login`, {
      method: "POST",
      headers: {
        Origin: baseUrl,
        "Content-Type": "application/x-www-form-urlencoded",
        ...(options.forwardedFor ? { "X-Forwarded-For": "192.0.2.1" } : {}),
      },
      body: new URLSearchParams({ identifier: ACTING[who], password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    await r.arrayBuffer();
    if (r.status !== 302) throw new Error(`sign-in of ${who} failed with ${r.status}`);
    return r.headers
      .getSetCookie()
      .map((l) => l.split(";")[0]!)
      .join("; ");
  };
  const cookies = { anonymous: "" } as Record<Who, string>;
  for (const who of Object.keys(ACTING) as Exclude<Who, "anonymous">[]) cookies[who] = await signInAs(who);

  // field names from every form the route's page shows to anyone
  const names = new Map<string, string[]>();
  for (const t of targets) {
    const found = new Set<string>();
    for (const who of Object.keys(cookies) as Who[]) {
      const r = await fetch(baseUrl + t.path, { headers: { Cookie: cookies[who] }, redirect: "manual" });
      const html = await r.text();
      if (r.status !== 200 || !/text\/html/.test(r.headers.get("content-type") ?? "")) continue;
      for (const m of html.matchAll(/<(?:input|select|textarea|button)\b[^>]*\bname="([^"]+)"/g)) found.add(m[1]!);
    }
    names.set(t.path, [...found]);
  }
  log(`${actionRoutes.length} actions (${targets.length} paths): ${actionRoutes.join(", ")}`);

  const report: FuzzReport = {
    actions: actionRoutes,
    byAction: new Map(),
    serverErrors: [],
    violations: [],
    tableChanges: [],
    sent: 0,
    resets: 0,
    refusedWhileSending: 0,
    lostToResets: [],
  };
  const admins: Who[] = ["admin"];
  const others = (Object.keys(cookies) as Who[]).filter((w) => !admins.includes(w));

  const fire = async (who: Who, budget: number) => {
    let sent = 0;
    const worker = async () => {
      while (sent < budget) {
        sent++;
        const t = targets[Math.floor(random() * targets.length)]!;
        const payload = makePayload(random, names.get(t.path) ?? [], pool);
        const noOrigin = random() < 0.03; // a few cross-site posts: must be refused, never a 500
        const headers: Record<string, string> = { ...from() };
        if (!noOrigin) headers.Origin = baseUrl;
        if (cookies[who]) headers.Cookie = cookies[who];
        if (random() < 0.2)
          headers.Cookie = `${headers.Cookie ?? ""}; lng=${random() < 0.5 ? "ar" : "en"}`.replace(/^; /, "");
        let status = 0;
        let text = "";
        try {
          // one post in ten the way the browser's JavaScript sends it (single fetch)
          const url = random() < 0.1 ? `${baseUrl}${t.path === "/" ? "/_root" : t.path}.data` : baseUrl + t.path;
          // the body as fetch sends it, to know its length (a multipart boundary included)
          const encoded = new Request(url, { method: "POST", body: payload.body });
          const body = new Uint8Array(await encoded.arrayBuffer());
          headers["Content-Type"] = encoded.headers.get("Content-Type") ?? "";
          const send = () => fetch(url, { method: "POST", headers, body, redirect: "manual" });
          let r: Response | null = null;
          for (let attempt = 1; !r; attempt++) {
            try {
              r = await send();
            } catch (error) {
              if (!brokenConnection(error)) throw error;
              // over the limit: the server refuses it before reading it and closes the
              // connection under a client still sending it (broken pipe, reset): that is
              // the refusal, provided the server answers these headers alone with 413
              if (body.length > FORM_BODY_LIMIT) {
                status = await answerToHeadersAlone(url, headers, body.length);
                if (status !== 413) throw error;
                report.refusedWhileSending++;
                break;
              }
              // a kept-alive connection the server closed just as it was reused (a race
              // of Node's keep-alive timers on a busy machine): like a browser, try again
              if (attempt >= 4) throw error;
              report.resets++;
            }
          }
          if (r) {
            status = r.status;
            text = await r.text();
            // a post that ended the session (sign-out, password change): sign in again
            if (
              who !== "anonymous" &&
              r.headers.getSetCookie().some((l) => /masar_session=;|masar_session=[^;]*;.*max-age=0/i.test(l))
            ) {
              cookies[who] = await signInAs(who);
            }
          }
        } catch (error) {
          status = -1;
          const cause = (error as { cause?: { code?: string; message?: string } }).cause;
          text = `${String(error)} (${cause?.code ?? ""} ${cause?.message ?? ""})`;
        }
        report.sent++;
        const key = `${t.id} as ${who}`;
        const byStatus = report.byAction.get(key) ?? new Map<number, number>();
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        report.byAction.set(key, byStatus);
        if (status < 0 && /ECONNRESET/.test(text)) {
          report.lostToResets.push({
            action: `POST ${t.path}`,
            who,
            status,
            sample: `${payload.describe} -> ${text.slice(0, 200)}`,
          });
        } else if (status >= 500 || status < 0) {
          report.serverErrors.push({
            action: `POST ${t.path}`,
            who,
            status,
            sample: `${payload.describe} -> ${text.slice(0, 200)}`,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 6 }, () => worker()));
  };

  // phase 1: anonymous and non-admin roles, with the snapshot around it
  const before = await snapshot(sql);
  const perWho = Math.ceil((count * (others.length / (others.length + 1))) / others.length);
  for (const who of others) {
    await fire(who, perWho);
    log(`  ${who}: ${perWho} posts`);
  }
  const after = await snapshot(sql);
  for (const [id, line] of before.users) {
    const now = after.users.get(id);
    if (now === undefined) report.violations.push(`account ${id} disappeared`);
    else if (now !== line)
      report.violations.push(
        `account ${id} changed (role|active|organisation|password|email|phone): ${line} -> ${now}`,
      );
  }
  const newStaff = await sql<{ id: string; role: string }[]>`
    select id::text, role from users where role <> 'applicant' and id::text <> all(${[...before.users.keys()]})`;
  for (const u of newStaff) report.violations.push(`a ${u.role} account ${u.id} was created by a non-admin`);
  if ((after.tables.get("organisations") ?? 0) !== (before.tables.get("organisations") ?? 0)) {
    report.violations.push("organisations changed without an admin");
  }
  const adminAudit = await sql<{ action: string }[]>`
    select action from audit_log where id > ${before.maxAudit} and actor_role = 'admin' and action <> 'auth.sign_in'`;
  for (const a of adminAudit)
    report.violations.push(`an admin action "${a.action}" was audited while no admin was posting`);
  for (const [table, n] of after.tables) {
    const was = before.tables.get(table) ?? 0;
    if (n !== was) report.tableChanges.push({ table, before: was, after: n });
  }

  // phase 2: admins (allowed to change things; only 5xx count)
  await fire("admin", Math.max(0, count - report.sent));
  log(`  admin: ${count - perWho * others.length} posts`);
  return report;
}

export function printReport(report: FuzzReport, out: (line: string) => void = console.log) {
  out(`\n${report.sent} malformed posts across ${report.actions.length} actions\n`);
  const keys = [...report.byAction.keys()].sort();
  const w = Math.max(...keys.map((k) => k.length));
  for (const key of keys) {
    const statuses = [...report.byAction.get(key)!]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s}: ${n}`)
      .join(", ");
    out(`  ${key.padEnd(w)}  ${statuses}`);
  }
  out(`\nrows added by anonymous and non-admin posts (allowed kinds: sign-ups, failed sign-ins, sessions, audit):`);
  for (const c of report.tableChanges) out(`  ${c.table}: ${c.before} -> ${c.after}`);
  if (report.tableChanges.length === 0) out("  none");
  out(`\nconnections reset before an answer (retried, as a browser does): ${report.resets}`);
  out(
    `posts over the limit refused while still being sent (broken pipe or reset; the headers alone answered 413): ${report.refusedWhileSending}`,
  );
  out(`posts reset on every try (no answer at all, not a 5xx): ${report.lostToResets.length}`);
  for (const e of report.lostToResets.slice(0, 5)) out(`  ${e.action} as ${e.who}: ${e.sample}`);
  out(`server errors (5xx, or no answer other than a reset): ${report.serverErrors.length}`);
  for (const e of report.serverErrors.slice(0, 20)) out(`  ${e.status} ${e.action} as ${e.who}: ${e.sample}`);
  out(`changes a visitor was not allowed to make: ${report.violations.length}`);
  for (const v of report.violations.slice(0, 20)) out(`  ${v}`);
}
