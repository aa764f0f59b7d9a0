/**
 * Multi-step writes the fault scripts fire and then check. Each scenario says how
 * to submit one write over HTTP, how to find the writes that were answered as done,
 * and what a half-written one would look like in the database.
 *
 * To add one (an award, a distribution, once their modules are merged): write an
 * entry here with the same shape and run `npm run fault:… -- --scenario <name>`.
 */
import type postgres from "postgres";
import type { Fixture } from "../access/types";

export type WriteContext = { baseUrl: string; cookie: string; fixture: Fixture; run: string };

export type Scenario = {
  /** who submits it (a key of ACTING in tests/bench/harness.ts) */
  actor: "admin" | "applicant" | "coach" | "committee_member" | "case_worker" | "donor_viewer";
  describe: string;
  /** post write number `i`; returns its key (to find it later) and the HTTP status */
  submit(ctx: WriteContext, i: number): Promise<{ key: string; status: number; body: string }>;
  /** a status that means "done" for this write */
  done(status: number): boolean;
  /** of these keys, the ones whose write is in the database */
  committed(sql: postgres.Sql, run: string, keys: string[]): Promise<Set<string>>;
  /** every write of this run that is only partly there: one line per problem */
  halfWritten(sql: postgres.Sql, run: string): Promise<string[]>;
  /** how many writes of this run are in the database */
  count(sql: postgres.Sql, run: string): Promise<number>;
};

async function post(ctx: WriteContext, path: string, fields: Record<string, string>) {
  const response = await fetch(ctx.baseUrl + path, {
    method: "POST",
    headers: { Origin: ctx.baseUrl, Cookie: ctx.cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
  return { status: response.status, body: await response.text() };
}

/**
 * Foundation: an admin creates a staff account. One transaction writes the user, a
 * one-time password code, an audit row and an outbox message (e-mail; SMS when there is a phone).
 */
const staffUser: Scenario = {
  actor: "admin",
  describe: "staff account creation (user + password code + audit row + outbox e-mail, one transaction)",
  async submit(ctx, i) {
    const key = `fault-${ctx.run}-${i}@masar.test`;
    const { status, body } = await post(ctx, "/admin/users/new", {
      displayName: `Fault ${i}`,
      email: key,
      role: "coach",
      organisationId: ctx.fixture.foundation.orgs.programme.id,
      locale: "fr",
    });
    return { key, status, body };
  },
  done: (status) => status === 200,
  async committed(sql, _run, keys) {
    if (keys.length === 0) return new Set();
    const rows = await sql<{ email: string }[]>`select email from users where email = any(${keys})`;
    return new Set(rows.map((r) => r.email));
  },
  async count(sql, run) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from users where email like ${`fault-${run}-%`}`;
    return row?.n ?? 0;
  },
  async halfWritten(sql, run) {
    const rows = await sql<{ email: string; tokens: number; audits: number; messages: number }[]>`
      select u.email,
        (select count(*)::int from password_tokens t where t.user_id = u.id) as tokens,
        (select count(*)::int from audit_log a where a.entity_type = 'user' and a.entity_id = u.id::text and a.action = 'user.create') as audits,
        (select count(*)::int from outbox o where o.user_id = u.id) as messages
      from users u where u.email like ${`fault-${run}-%`}`;
    const problems: string[] = [];
    for (const r of rows) {
      if (r.tokens !== 1 || r.audits !== 1 || r.messages !== 1) {
        problems.push(`${r.email}: ${r.tokens} password code(s), ${r.audits} audit row(s), ${r.messages} outbox message(s); expected 1, 1, 1 (e-mail only: no phone)`);
      }
    }
    // the other way round: an audit row for a user that is not there
    const orphans = await sql<{ n: number }[]>`
      select count(*)::int as n from audit_log a
      where a.action = 'user.create' and a.entity_type = 'user'
        and not exists (select 1 from users u where u.id::text = a.entity_id)`;
    if ((orphans[0]?.n ?? 0) > 0) problems.push(`${orphans[0]!.n} audit row(s) for a user that was never written`);
    return problems;
  },
};

export const SCENARIOS: Record<string, Scenario> = {
  "staff-user": staffUser,
};

export function scenario(name: string): Scenario {
  const found = SCENARIOS[name];
  if (!found) {
    console.error(`unknown scenario "${name}"; known: ${Object.keys(SCENARIOS).join(", ")}`);
    process.exit(2);
  }
  return found;
}
