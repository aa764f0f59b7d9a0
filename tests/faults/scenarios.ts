/**
 * Multi-step writes the fault scripts fire and then check. Each scenario says how
 * to submit one write over HTTP, how to find the writes that were answered as done,
 * and what a half-written one would look like in the database.
 *
 * To add one: write an entry here with the same shape and run
 * `npm run fault:… -- --scenario <name>`. A write that can be made only once (a
 * distribution to a person in a round, an award to an application) needs distinct
 * targets: `setup` makes them through the real services before the load starts.
 */
import type postgres from "postgres";
import type { Database } from "../../db/client";
import { RoundSchema, MovementSchema } from "../../app/modules/aid/schemas.server";
import { addRoundItem, createRound, recordMovement } from "../../app/modules/aid/service.server";
import { asActor } from "../factories";
import { CallSchema } from "../../app/modules/grants/schemas.server";
import {
  createCall,
  screenApplication,
  submitApplication,
  transitionCall,
} from "../../app/modules/grants/service.server";
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
  /** once, before the load: make what the writes need (through the services, not by hand) */
  setup?(db: Database, fixture: Fixture, run: string): Promise<void>;
  /** false once every target has been written: the writers stop */
  more?(): boolean;
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
        problems.push(
          `${r.email}: ${r.tokens} password code(s), ${r.audits} audit row(s), ${r.messages} outbox message(s); expected 1, 1, 1 (e-mail only: no phone)`,
        );
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

/**
 * Targets that can be written once each, handed out in order. One answered 503 (the
 * database was down) goes back in the queue for a later try, as a person would try
 * again; one whose answer was lost with a killed app is not tried again (it may be
 * written: the check says which).
 */
class Targets<T extends { key: string }> {
  private queue: T[] = [];
  fill(items: T[]) {
    this.queue.push(...items);
  }
  take(): T {
    const t = this.queue.shift();
    if (!t) throw new Error("no target left (the writers should have stopped)");
    return t;
  }
  answered(t: T, status: number) {
    if (status === 503) this.queue.push(t);
  }
  get left() {
    return this.queue.length;
  }
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Aid: a case worker of association A hands out a round's items to one person (the
 * form on /aid/rounds/$roundId). One transaction: the distribution row, for each of
 * the round's two items a conditional stock decrement and its ledger movement, and
 * the audit row. A person gets a round once, so setup makes rounds (through the aid
 * service, with the stock received through the ledger) for the four open case files
 * of association A in the demo data: ROUNDS × 4 distinct distributions.
 */
const DISTRIBUTION_ROUNDS = 150;
const distributionTargets = new Targets<{ key: string; roundId: string; caseId: string }>();
const distribution: Scenario = {
  actor: "case_worker",
  describe: "distribution (distribution row + 2 stock decrements + 2 ledger movements + audit row, one transaction)",
  async setup(db, fixture, run) {
    const actor = asActor(fixture.foundation.accounts.caseworker);
    const { cases, items, warehouses } = fixture.protection;
    const people = [cases.a1, cases.a2, cases.a3, cases.a4];
    for (const item of [items.hygiene, items.blanket]) {
      const received = await recordMovement(
        db,
        actor,
        warehouses.a.id,
        MovementSchema.parse({ kind: "receipt", itemId: item.id, quantity: "5000", reason: `fault ${run}` }),
        {},
      );
      if (!received.ok) throw new Error(`stock receipt refused: ${JSON.stringify(received.errors)}`);
    }
    for (let n = 0; n < DISTRIBUTION_ROUNDS; n++) {
      const input = RoundSchema.parse({
        name: `fault-${run}-${n}`,
        warehouseId: warehouses.a.id,
        startsOn: day(-1),
        endsOn: day(2),
        itemId: items.hygiene.id,
        quantity: "1",
      });
      const created = await createRound(db, actor, input, {});
      if (!created.ok) throw new Error(`round refused: ${JSON.stringify(created.errors)}`);
      const added = await addRoundItem(db, actor, created.roundId, items.blanket.id, 2, {});
      if (!added.ok) throw new Error(`round item refused: ${JSON.stringify(added.errors)}`);
      distributionTargets.fill(
        people.map((c) => ({ key: `${created.roundId}/${c.id}`, roundId: created.roundId, caseId: c.id })),
      );
    }
  },
  more: () => distributionTargets.left > 0,
  async submit(ctx) {
    const target = distributionTargets.take();
    const { status, body } = await post(ctx, `/aid/rounds/${target.roundId}`, { caseId: target.caseId });
    distributionTargets.answered(target, status);
    return { key: target.key, status, body };
  },
  done: (status) => status === 302,
  async committed(sql, _run, keys) {
    if (keys.length === 0) return new Set();
    const rows = await sql<{ key: string }[]>`
      select key from (select round_id::text || '/' || case_id::text as key from distributions) d where key = any(${keys})`;
    return new Set(rows.map((r) => r.key));
  },
  async count(sql, run) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from distributions d join distribution_rounds r on r.id = d.round_id where r.name like ${`fault-${run}-%`}`;
    return row?.n ?? 0;
  },
  async halfWritten(sql, run) {
    const problems: string[] = [];
    // each distribution with exactly its round's ledger movements
    const rows = await sql<
      { round: string; reference: string; movements: number; moved: number; items: number; expected: number }[]
    >`
      select r.name as round, c.reference,
        (select count(*)::int from stock_movements m where m.distribution_id = d.id and m.kind = 'distribution') as movements,
        (select coalesce(sum(m.quantity), 0)::int from stock_movements m where m.distribution_id = d.id) as moved,
        (select count(*)::int from round_items i where i.round_id = r.id) as items,
        (select coalesce(sum(i.quantity), 0)::int from round_items i where i.round_id = r.id) as expected
      from distributions d
      join distribution_rounds r on r.id = d.round_id
      join beneficiary_cases c on c.id = d.case_id
      where r.name like ${`fault-${run}-%`}`;
    for (const r of rows) {
      if (r.movements !== r.items || r.moved !== -r.expected) {
        problems.push(
          `${r.round} → ${r.reference}: ${r.movements} ledger movement(s) of ${r.moved} in all; expected ${r.items} of ${-r.expected}`,
        );
      }
    }
    // every balance equals the sum of its ledger
    const balances = await sql<{ warehouse: string; item: string; quantity: number; ledger: number }[]>`
      select w.name as warehouse, i.name as item, b.quantity,
        coalesce((select sum(m.quantity) from stock_movements m where m.warehouse_id = b.warehouse_id and m.item_id = b.item_id), 0)::int as ledger
      from stock_balances b join warehouses w on w.id = b.warehouse_id join aid_items i on i.id = b.item_id`;
    for (const b of balances) {
      if (b.quantity !== b.ledger)
        problems.push(`${b.warehouse} / ${b.item}: balance ${b.quantity}, ledger sum ${b.ledger}`);
    }
    // one audit row per distribution of this run (rows written after the run's rounds were made)
    const audits = await sql<{ reference: string; given: number; audited: number }[]>`
      with since as (select min(created_at) as at from distribution_rounds where name like ${`fault-${run}-%`})
      select c.reference,
        (select count(*)::int from distributions d join distribution_rounds r on r.id = d.round_id
          where d.case_id = c.id and r.name like ${`fault-${run}-%`}) as given,
        (select count(*)::int from audit_log a, since
          where a.action = 'aid.distribution.record' and a.entity_type = 'beneficiary_case' and a.entity_id = c.id::text and a.at >= since.at) as audited
      from beneficiary_cases c`;
    for (const a of audits) {
      if (a.given !== a.audited)
        problems.push(`${a.reference}: ${a.given} distribution(s) of this run, ${a.audited} audit row(s)`);
    }
    return problems;
  },
};

/**
 * Grants: the admin awards an application in a call under deliberation (the "change
 * the proposal" form on /grants/calls/$callId: intent "change", change "award", an
 * amount and a justification). One transaction: the conditional update of the call's
 * awarded total (within the budget, call in deliberation), the award row, and two
 * audit rows (approve, change). An application is awarded once, and the demo's one
 * call under review has seven, so setup makes calls through the grants service
 * (create, open, the twelve demo applicants apply, close, review, screen eligible,
 * deliberation): AWARD_CALLS × 12 distinct awards.
 */
const AWARD_CALLS = 30;
const awardTargets = new Targets<{ key: string; callId: string }>();
const award: Scenario = {
  actor: "admin",
  describe: "award (call's awarded total + award row + 2 audit rows, one transaction)",
  async setup(db, fixture, run) {
    const admin = asActor(fixture.foundation.accounts.admin);
    const applicants = [fixture.foundation.accounts.applicant, ...fixture.foundation.applicants].map(asActor);
    const must = async (what: string, p: Promise<{ ok: true } | { ok: false; errors: unknown }>) => {
      const r = await p;
      if (!r.ok) throw new Error(`${what} refused: ${JSON.stringify(r.errors)}`);
    };
    for (let n = 0; n < AWARD_CALLS; n++) {
      const input = CallSchema.parse({
        titleFr: `fault-${run}-${n}`,
        titleAr: `fault-${run}-${n}`,
        titleEn: `fault-${run}-${n}`,
        audience: "both",
        opensOn: day(-1),
        closesOn: day(1),
        reviewDeadlineOn: day(10),
        budget: "10000000",
        maxGrant: "30000",
        "criteria[0].labelFr": "Viabilité",
        "criteria[0].weight": "100",
      });
      const created = await createCall(db, admin, input, {});
      if (!created.ok) throw new Error(`call refused: ${JSON.stringify(created.errors)}`);
      const call = created.call;
      await must("open", transitionCall(db, admin, { callId: call.id, to: "open" }, {}));
      const applications: string[] = [];
      for (const applicant of applicants) {
        const r = await submitApplication(
          db,
          applicant,
          {
            callId: call.id,
            planId: null,
            planSnapshot: { fault: run },
            requestedCentimes: 20_000_00,
            facts: { dateOfBirth: null, region: null, isMigrant: true, sex: "female", completedTrainings: [] },
          },
          {},
        );
        if (!r.ok) throw new Error(`application refused: ${JSON.stringify(r.errors)}`);
        applications.push(r.application.id);
      }
      // closing waits for the closing date: the service takes the moment as meta.now
      await must(
        "close",
        transitionCall(db, admin, { callId: call.id, to: "closed" }, { now: new Date(call.closesAt.getTime() + 1000) }),
      );
      await must("review", transitionCall(db, admin, { callId: call.id, to: "under_review" }, {}));
      for (const applicationId of applications) {
        await must(
          "screen",
          screenApplication(db, admin, { applicationId, decision: "eligible", reason: "fault scenario" }, {}),
        );
      }
      await must("deliberation", transitionCall(db, admin, { callId: call.id, to: "deliberation" }, {}));
      awardTargets.fill(applications.map((id) => ({ key: id, callId: call.id })));
    }
  },
  more: () => awardTargets.left > 0,
  async submit(ctx, i) {
    const target = awardTargets.take();
    const { status, body } = await post(ctx, `/grants/calls/${target.callId}`, {
      intent: "change",
      applicationId: target.key,
      change: "award",
      amount: String(100 + (i % 50)),
      justification: `fault ${ctx.run} ${i}`,
    });
    awardTargets.answered(target, status);
    return { key: target.key, status, body };
  },
  done: (status) => status === 302,
  async committed(sql, _run, keys) {
    if (keys.length === 0) return new Set();
    const rows = await sql<
      { id: string }[]
    >`select application_id::text as id from grant_awards where application_id::text = any(${keys})`;
    return new Set(rows.map((r) => r.id));
  },
  async count(sql, run) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from grant_awards a join grant_calls c on c.id = a.call_id where c.title_fr like ${`fault-${run}-%`}`;
    return row?.n ?? 0;
  },
  async halfWritten(sql, run) {
    const problems: string[] = [];
    const like = `fault-${run}-%`;
    // the call's awarded total is the sum of its awards
    const calls = await sql<{ title: string; awarded: string; summed: string }[]>`
      select c.title_fr as title, c.awarded_centimes::text as awarded,
        coalesce((select sum(a.amount_centimes) from grant_awards a where a.call_id = c.id), 0)::text as summed
      from grant_calls c where c.title_fr like ${like}`;
    for (const c of calls) {
      if (c.awarded !== c.summed)
        problems.push(`${c.title}: awarded total ${c.awarded} centimes, sum of its awards ${c.summed}`);
    }
    // each award has its audit rows; no "change" audit row without its award
    const apps = await sql<{ number: number; award: string | null; approved: number; changed: number }[]>`
      select g.number, a.id::text as award,
        (select count(*)::int from audit_log l where l.action = 'grants.award.approve' and l.entity_type = 'grant_award' and l.entity_id = a.id::text) as approved,
        (select count(*)::int from audit_log l where l.action = 'grants.award.change' and l.entity_type = 'grant_application' and l.entity_id = g.id::text) as changed
      from grant_applications g
      join grant_calls c on c.id = g.call_id
      left join grant_awards a on a.application_id = g.id
      where c.title_fr like ${like}`;
    for (const a of apps) {
      if (a.award && a.approved !== 1)
        problems.push(`application #${a.number}: award with ${a.approved} approval audit row(s)`);
      if (a.award && a.changed === 0) problems.push(`application #${a.number}: award without its "change" audit row`);
      if (!a.award && a.changed > 0)
        problems.push(`application #${a.number}: ${a.changed} "change" audit row(s) and no award`);
    }
    return problems;
  },
};

export const SCENARIOS: Record<string, Scenario> = {
  "staff-user": staffUser,
  distribution,
  award,
};

export function scenario(name: string): Scenario {
  const found = SCENARIOS[name];
  if (!found) {
    console.error(`unknown scenario "${name}"; known: ${Object.keys(SCENARIOS).join(", ")}`);
    process.exit(2);
  }
  return found;
}

/**
 * What a fault left of a run's writes: those answered as done, those of them in the
 * database and those missing (lost), the half-written ones, and how many are there in all.
 */
export async function checkWrites<A extends { key: string; status: number }>(
  write: Scenario,
  sql: postgres.Sql,
  run: string,
  answered: A[],
) {
  const done = answered.filter((a) => write.done(a.status));
  const present = await write.committed(
    sql,
    run,
    done.map((a) => a.key),
  );
  const lost = done.filter((a) => !present.has(a.key));
  const half = await write.halfWritten(sql, run);
  const inDb = await write.count(sql, run);
  return { done, present, lost, half, inDb };
}
