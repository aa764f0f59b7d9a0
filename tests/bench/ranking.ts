/**
 * `npm run bench:ranking`: 10,000 applications × 3 reviewers × 8 criteria in a scratch
 * database, then the ranking query (raw and z-normalised) timed over several runs.
 * Prints figures; asserts nothing. Uses DATABASE_URL when set, else the embedded server.
 */
import { rankingForCall } from "../../app/modules/grants/queries.server";
import { inScratchDatabase, spread, timed, timeRuns } from "./scratch";

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 10_000);
const REVIEWERS_PER_APP = 3;
const CRITERIA = 8;
const MEMBERS = 30;
const RUNS = 7;

await inScratchDatabase("bench_ranking", async (handle) => {
  const sql = handle.sql;
  const seeded = await timed(async () => {
    const [call] = await sql`
      insert into grant_calls (title_fr, title_ar, title_en, opens_at, closes_at, review_deadline, budget_centimes, max_grant_centimes, status)
      values ('Bench', 'Bench', 'Bench', now() - interval '60 days', now() - interval '30 days', now() + interval '30 days', 1000000000, 3000000, 'under_review')
      returning id`;
    const callId = call!.id as string;
    await sql`insert into grant_criteria (call_id, position, label_fr, label_ar, label_en, max_score, weight)
      select ${callId}, g, 'C' || g, 'C' || g, 'C' || g, 10, case when g <= 4 then 13 else 12 end from generate_series(1, ${CRITERIA}) g`;
    await sql`insert into users (display_name, role, email)
      select 'Member ' || g, 'committee_member', 'bench-member-' || g || '@masar.test' from generate_series(1, ${MEMBERS}) g`;
    await sql`insert into users (display_name, role, email)
      select 'Applicant ' || g, 'applicant', 'bench-applicant-' || g || '@masar.test' from generate_series(1, ${APPLICATIONS}) g`;
    await sql`insert into grant_applications (call_id, applicant_id, plan_snapshot, requested_centimes, facts, status, submitted_at)
      select ${callId}, u.id, '{}'::jsonb, 2000000, '{}'::jsonb, 'eligible', now() - (random() * interval '30 days')
      from users u where u.role = 'applicant' and u.email like 'bench-applicant-%'`;
    await sql`
      with members as (select id, row_number() over (order by id) - 1 as k from users where role = 'committee_member' and email like 'bench-member-%'),
      apps as (select id, row_number() over (order by id) - 1 as n from grant_applications where call_id = ${callId})
      insert into grant_assignments (application_id, reviewer_id, submitted_at)
      select apps.id, members.id, now() from apps cross join generate_series(0, ${REVIEWERS_PER_APP - 1}) r
      join members on members.k = (apps.n * ${REVIEWERS_PER_APP} + r) % ${MEMBERS}`;
    await sql`insert into grant_scores (assignment_id, criterion_id, score)
      select a.id, c.id, floor(random() * 11)::int
      from grant_assignments a join grant_applications ap on ap.id = a.application_id and ap.call_id = ${callId}
      cross join grant_criteria c where c.call_id = ${callId}`;
    await sql`
      update grant_assignments a set total = t.total, first_fraction = t.first
      from (select s.assignment_id, sum(s.score::float8 / c.max_score * c.weight) as total,
              max(case when c.position = 1 then s.score::float8 / c.max_score end) as first
            from grant_scores s join grant_criteria c on c.id = s.criterion_id group by s.assignment_id) t
      where a.id = t.assignment_id`;
    await sql`analyze`;
    return callId;
  });
  const callId = seeded.value;
  const seedMs = seeded.ms;
  console.log(
    `seeded ${APPLICATIONS} applications × ${REVIEWERS_PER_APP} reviewers × ${CRITERIA} criteria in ${(seedMs / 1000).toFixed(1)} s`,
  );
  if (process.env.BENCH_EXPLAIN) {
    const plan = await sql.unsafe(`explain (analyze, buffers) ${process.env.BENCH_EXPLAIN.replace("$CALL", callId)}`);
    for (const r of plan) console.log(Object.values(r)[0]);
  }
  for (const normalise of [false, true]) {
    await rankingForCall(handle.db, callId, { normalise }); // warm-up
    const { times, last } = await timeRuns(RUNS, () => rankingForCall(handle.db, callId, { normalise }));
    const { median, min, max } = spread(times);
    console.log(
      `ranking${normalise ? " (z-normalised)" : ""}: ${last.length} rows, median ${median.toFixed(0)} ms, min ${min.toFixed(0)} ms, max ${max.toFixed(0)} ms (target < 150 ms)`,
    );
  }
});
