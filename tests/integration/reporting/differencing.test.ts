/**
 * The differencing test of issue 18: every request a donor may make about a year of
 * demo-like data (the demo seed and 300 more beneficiaries spread over 2026: every
 * table of the year, of each quarter and of each month, in each framework), read as
 * CSV over HTTP, then attacked (tests/helpers/differencing.ts): no figure about fewer
 * than 5 people can be read off a difference of two figures or of two tables, no hidden
 * figure can be worked out exactly, and one figure is one value wherever it is shown.
 * The same attacker, given the old way of hiding (each column on its own), finds leaks.
 * The tables of issue 16 (people reached from every source, group sessions, funded
 * businesses after launch, employment at 3 and 6 months) are read too, over sessions,
 * households, visits and checks spread over the year here (seedOutcomes), and so is the
 * progress table (each indicator's value beside its target, % reached and status, for the
 * period shown and for the programme to date), against targets set here (setTargets).
 * The attacker reasons with bounds too (counts are never negative; margins, parts, a
 * percentage of a known target and a status narrow them): it is checked by revealing one
 * hidden figure at a time, and by the naive way of hiding in the progress table (the value
 * hidden, its % and status shown; the programme to date over any span).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../db/seed";
import { seedScale } from "../../../db/seed-scale";
import { parseCsv } from "../../../app/lib/csv";
import { serverT } from "../../../app/i18n/dictionaries.server";
import {
  ACTIVITIES,
  ACTIVITY_SPECS,
  FRAMEWORK_OBJECTIVES,
  FRAMEWORKS,
  RESULTS,
  type ActivityKey,
} from "../../../app/modules/reporting/frameworks";
import { DIMENSIONS, periodsOfYear, type DonorPeriod } from "../../../app/modules/reporting/rules";
import { wiredSources } from "../../../app/modules/reporting/sources.server";
import { GROUP_MEASURES, PEOPLE_LINES } from "../../../app/modules/groups/report";
import { OUTCOME_MEASURES } from "../../../app/modules/businesses/report";
import { EMPLOYMENT_MEASURES } from "../../../app/modules/coaching/report";
import { INDICATORS } from "../../../app/modules/reporting/frameworks";
import { moroccoToday } from "../../../app/lib/morocco-time";
import { DEMO_PASSWORD, makeUser } from "../../factories";
import { makeFundedBusiness } from "../../factories/grants";
import {
  boundLeaks,
  findLeaks,
  progressRange,
  type Line,
  type Relations,
  type ShownValue,
} from "../../helpers/differencing";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const tr = serverT("fr");
const PERIODS = periodsOfYear("2026");
const YEAR = PERIODS[0]!;
const QUARTERS = PERIODS.filter((p) => p.kind === "quarter");
const KEYS = [...RESULTS, "all"] as const;
const DIM_TABLE = (d: string) => `reach-${d.replace("_", "-")}`;

// ------------------------------------------------------------ what each group counts (public: frameworks.ts, the page's "not wired" note)
const wired = new Set<ActivityKey>(wiredSources().wired);
const reaching = ACTIVITIES.filter((a) => ACTIVITY_SPECS[a].reach && wired.has(a));
const groups = new Map<string, Set<ActivityKey>>([
  ...RESULTS.map((k) => [k, new Set(reaching.filter((a) => ACTIVITY_SPECS[a].result === k))] as const),
  ["all", new Set(reaching)],
  ...FRAMEWORKS.flatMap((f) =>
    FRAMEWORK_OBJECTIVES[f].map(
      (o) =>
        [
          `${f}:${o}`,
          new Set(reaching.filter((a) => (ACTIVITY_SPECS[a][f] as readonly string[]).includes(o))),
        ] as const,
    ),
  ),
]);
const within = (a: Set<ActivityKey>, b: Set<ActivityKey>) => [...a].every((x) => b.has(x));
const sameSet = (a: Set<ActivityKey>, b: Set<ActivityKey>) => a.size === b.size && within(a, b);
const activityOfLabel = new Map(ACTIVITIES.map((a) => [tr(`reporting.activity.${a}`), a]));

// ------------------------------------------------------------ cell names
const contains = (outer: DonorPeriod, inner: DonorPeriod) => outer.from <= inner.from && inner.to <= outer.to;
const group = (p: string, g: string) => (g.includes(":") ? `obj|${p}|${g}` : `reach|${p}|${g}`);
const dim = (p: string, d: string, row: string, k: string) => `dim|${p}|${d}|${row}|${k}`;
const out = (p: string, row: string, m: string) => `out|${p}|${row}|${m}`;
const msg = (p: string, row: string, m: string) => `msg|${p}|${row}|${m}`;
const ppl = (p: string, row: string) => `people|${p}|${row}`;
const grp = (p: string, row: string, m: string) => `group|${p}|${row}|${m}`;
const biz = (p: string, row: string, m: string) => `business|${p}|${row}|${m}`;
const job = (p: string, row: string, m: string) => `employment|${p}|${row}|${m}`;
// the newer tables' rows and columns in the CSV's order: their public shape (the employment rate, a
// percentage of two figures, follows the employment columns: read as a range for those employed)
const GROUP_COLUMNS = GROUP_MEASURES;
const BUSINESS_COLUMNS = OUTCOME_MEASURES;
const EMPLOYMENT_COLUMNS = EMPLOYMENT_MEASURES;

// the progress table: a row per indicator for the period shown, and one for the programme to date
type ProgressKind = "shown" | "toDate";
const prog = (p: string, code: string, row: ProgressKind) => `progress|${p}|${code}|${row}`;
const STATUSES = ["reached", "on_track", "behind"] as const;
type ProgressRow = {
  period: DonorPeriod;
  code: string;
  row: ProgressKind;
  target: number | null;
  percent: ShownValue | null;
  status: (typeof STATUSES)[number] | null;
};

/** An employment rate: the whole percentage of those checked who are employed. */
type Rate = { employed: string; checked: string; rate: ShownValue };
type Publication = {
  shown: Map<string, ShownValue>;
  rows: Map<string, string[]>;
  progress: ProgressRow[];
  rates: Rate[];
};

/** Every table of every period of the year, as one client is shown them. */
async function readAll(client: TestClient): Promise<{ publication: Publication; requests: number }> {
  const shown = new Map<string, ShownValue>();
  const rows = new Map<string, string[]>();
  const progress: ProgressRow[] = [];
  const rates: Rate[] = [];
  let requests = 0;
  const read = async (tableId: string, p: DonorPeriod, framework = "snia") => {
    const response = await client.get(`/reports/export.csv?table=${tableId}&period=${p.key}&framework=${framework}`);
    requests++;
    expect(response.status, `${tableId} ${p.key}`).toBe(200);
    return parseCsv(await response.text())
      .slice(2)
      .filter((r) => r.length > 2)
      .map((r) => r.slice(2));
  };
  const put = (id: string, text: string | undefined) => {
    if (text === undefined || text === "") return;
    shown.set(id, text === "x" ? "x" : Number(text));
  };
  const statusOf = new Map(STATUSES.map((x) => [tr(`reporting.progress.status.${x}`), x]));
  const number = (text: string | undefined) =>
    text === undefined || text === "" ? null : text === "x" ? "x" : Number(text);
  for (const p of PERIODS) {
    for (const [i, row] of (await read("reach", p)).entries()) put(group(p.key, KEYS[i]!), row[1]);
    // code, name, period, baseline, value, target, % reached, status
    for (const [code, , label, , value, target, percent, status] of await read("progress", p)) {
      const row = label === tr("reporting.progress.programmeToDate") ? "toDate" : "shown";
      put(prog(p.key, code!, row), value);
      const targetValue = number(target);
      progress.push({
        period: p,
        code: code!,
        row,
        target: typeof targetValue === "number" ? targetValue : null,
        percent: number(percent),
        status: status ? (statusOf.get(status) ?? null) : null,
      });
    }
    if (p.kind === "month") continue;
    for (const d of DIMENSIONS) {
      const table = await read(DIM_TABLE(d), p);
      const labels = table.map((r, i) => (i === table.length - 1 ? "total" : r[0]!));
      rows.set(d, [...new Set([...(rows.get(d) ?? []), ...labels.slice(0, -1)])]);
      for (const [i, row] of table.entries()) KEYS.forEach((k, j) => put(dim(p.key, d, labels[i]!, k), row[j + 1]));
    }
    for (const f of FRAMEWORKS) {
      for (const [i, row] of (await read("frameworks", p, f)).entries())
        put(group(p.key, `${f}:${FRAMEWORK_OBJECTIVES[f][i]}`), row[1]);
    }
    for (const row of await read("monthly", p))
      RESULTS.forEach((k, j) => put(`month|${p.key}|${row[0]}|${k}`, row[j + 1]));
    const outputs = await read("outputs", p);
    rows.set("outputs", [...new Set([...(rows.get("outputs") ?? []), ...outputs.map((r) => `${r[0]}|${r[1]}`)])]);
    for (const r of outputs)
      ["persons", "events", "quantity", "value"].forEach((m, j) => put(out(p.key, `${r[0]}|${r[1]}`, m), r[j + 2]));
    const people = await read("people-reached", p);
    expect(people.length, `people-reached ${p.key}`).toBe(PEOPLE_LINES.length);
    people.forEach((r, i) => put(ppl(p.key, PEOPLE_LINES[i]!), r[1]));
    const sessions = await read("group-activities", p);
    const kinds = sessions.map((r, i) => (i === sessions.length - 1 ? "total" : r[0]!));
    rows.set("groups", [...new Set([...(rows.get("groups") ?? []), ...kinds.slice(0, -1)])]);
    sessions.forEach((r, i) => GROUP_COLUMNS.forEach((m, j) => put(grp(p.key, kinds[i]!, m), r[j + 1])));
    const businesses = await read("business-outcomes", p);
    rows.set(
      "businesses",
      businesses.map((r) => r[0]!),
    );
    for (const r of businesses) BUSINESS_COLUMNS.forEach((m, j) => put(biz(p.key, r[0]!, m), r[j + 1]));
    const employment = await read("employment-outcomes", p);
    rows.set(
      "employment",
      employment.map((r) => r[0]!),
    );
    for (const r of employment) {
      EMPLOYMENT_COLUMNS.forEach((m, j) => put(job(p.key, r[0]!, m), r[j + 1]));
      const rate = number(r[EMPLOYMENT_COLUMNS.length + 1]);
      if (rate !== null)
        rates.push({ employed: job(p.key, r[0]!, "employed"), checked: job(p.key, r[0]!, "checked"), rate });
    }
    const complaints = await read("complaints", p);
    rows.set(
      "complaints",
      complaints.map((r, i) => (i === complaints.length - 1 ? "total" : r[0]!)),
    );
    for (const [i, r] of complaints.entries()) {
      const row = i === complaints.length - 1 ? "total" : r[0]!;
      put(msg(p.key, row, "received"), r[1]);
      put(msg(p.key, row, "closed"), r[2]);
      put(msg(p.key, row, "closedInTime"), r[3]);
      put(msg(p.key, row, "openOverdue"), r[5]);
    }
  }
  // a row a table leaves out (a category met in another period only) is a zero the reader knows
  for (const p of PERIODS.filter((x) => x.kind !== "month")) {
    for (const d of DIMENSIONS)
      for (const c of rows.get(d) ?? [])
        for (const k of KEYS) if (!shown.has(dim(p.key, d, c, k))) shown.set(dim(p.key, d, c, k), 0);
    for (const line of rows.get("outputs") ?? [])
      for (const m of ["persons", "events", "quantity", "value"])
        if (!shown.has(out(p.key, line, m))) shown.set(out(p.key, line, m), 0);
  }
  return { publication: { shown, rows, progress, rates }, requests };
}

/** The share of a period gone by on a day, its last day counted (decision 0106, as the page says). */
function elapsed(period: { from: string; to: string }, asOf: string): number {
  const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  if (asOf < period.from) return 0;
  if (asOf >= period.to) return 1;
  return days(period.from, asOf) / days(period.from, period.to);
}

/**
 * What the progress table tells a reader, from the indicators' published definitions (the
 * results framework: which figure of which table each indicator is) and the programme's
 * dates: a value is that figure of the span its row is about (the period shown; the
 * programme's start to the end of the period shown, for the programme to date), so the
 * same figure as the table's, or the sum of the output lines it names. A span that is no
 * donor period holds the donor periods within it and is held by those around it; counts
 * that are dated once (all but people reached) add up over the quarters it is made of.
 * A % of a shown target and a status bound the value (progressRange).
 */
function progressRelations({ rows, progress }: Publication, relations: Relations) {
  const indicator = new Map(INDICATORS.map((i) => [i.code as string, i]));
  const outputLines = rows.get("outputs") ?? [];
  const detailLabel = (d: string) => {
    const text = tr(`reporting.detail.${d}` as Parameters<typeof tr>[0]);
    return text === `reporting.detail.${d}` ? d.replace(/_/g, " ") : text;
  };
  const spanOf = (r: ProgressRow) =>
    r.row === "shown"
      ? { from: r.period.from, to: r.period.to }
      : { from: PROGRAMME.from, to: r.period.to < PROGRAMME.to ? r.period.to : PROGRAMME.to };
  const donorPeriod = (span: { from: string; to: string }) =>
    PERIODS.find((d) => d.from === span.from && d.to === span.to);
  const bySpan = new Map<string, string[]>();
  for (const r of progress) {
    const cell = prog(r.period.key, r.code, r.row);
    const ind = indicator.get(r.code);
    if (!ind) throw new Error(`an indicator the framework does not name: ${r.code}`);
    const m = ind.measure;
    const people = m.kind === "reach" || m.kind === "group" || m.kind === "employment" || m.measure === "running";
    const span = spanOf(r);
    const key = `${span.from}|${span.to}|${r.code}`;
    bySpan.set(key, [...(bySpan.get(key) ?? []), cell]);
    const d = donorPeriod(span);
    if (d) {
      // the figure of a donor period, as another table shows it (a month's are its people reached only)
      if (m.kind === "reach") relations.same.push([cell, group(d.key, m.key)]);
      else if (d.kind === "month") relations.unpublished!.push(cell);
      else if (m.kind === "group") relations.same.push([cell, grp(d.key, "total", m.measure)]);
      else if (m.kind === "employment")
        relations.same.push([cell, job(d.key, tr(`coaching.report.milestone.${m.months}`), m.measure)]);
      else if (m.kind === "business")
        relations.same.push([cell, biz(d.key, tr(`businesses.report.milestone.${m.months}`), m.measure)]);
      else {
        const activities = new Set(m.activities.map((a) => tr(`reporting.activity.${a}`)));
        const details = "details" in m ? new Set(m.details.map(detailLabel)) : null;
        const named = outputLines.filter((l) => {
          const [activity, detail] = l.split("|") as [string, string];
          return activities.has(activity) && (!details || details.has(detail));
        });
        relations.lines.push({ interior: named.map((l) => out(d.key, l, m.measure)), margin: cell, people: false });
      }
    } else {
      // another span: it holds the donor periods within it, and the donor periods around it hold it
      relations.unpublished!.push(cell);
      for (const q of progress.filter((x) => x.row === "shown" && x.code === r.code)) {
        const other = prog(q.period.key, q.code, "shown");
        if (span.from <= q.period.from && q.period.to <= span.to)
          relations.parts.push({ part: other, whole: cell, people });
        if (q.period.from <= span.from && span.to <= q.period.to)
          relations.parts.push({ part: cell, whole: other, people });
      }
      const quarters = QUARTERS.filter((q) => span.from <= q.from && q.to <= span.to);
      const madeOfQuarters = quarters[0]?.from === span.from && quarters.at(-1)?.to === span.to;
      if (m.kind !== "reach" && madeOfQuarters)
        relations.lines.push({
          interior: quarters.map((q) => prog(q.key, r.code, "shown")),
          margin: cell,
          people,
        });
    }
    // a % of the target and a status, against the share of the target's period gone by
    if (r.target === null) continue;
    const asOf = TODAY < r.period.to ? TODAY : r.period.to;
    const share = elapsed(r.row === "shown" ? r.period : PROGRAMME, asOf);
    relations.ranges!.push(
      ...progressRange(cell, r.target, typeof r.percent === "number" ? r.percent : null, r.status, share),
    );
  }
  // two rows about one span show one figure (June's programme to date is the second quarter's)
  for (const cells of bySpan.values()) if (cells.length > 1) relations.same.push(cells);
}

/** What a reader knows relates the figures: from the tables' shape and the frameworks' public mapping. */
function relationsOf(publication: Publication): Relations {
  const { rows } = publication;
  const relations: Relations = { lines: [], parts: [], parallels: [], same: [], ranges: [], unpublished: [] };
  const full = PERIODS.filter((p) => p.kind !== "month");
  const groupKeys = [...groups.keys()];
  const dimLine = (p: string, d: string, k: string): Line => ({
    interior: (rows.get(d) ?? []).map((c) => dim(p, d, c, k)),
    margin: dim(p, d, "total", k),
    people: true,
  });
  for (const p of PERIODS) {
    for (const outer of PERIODS.filter((o) => contains(o, p))) {
      const samePeriod = outer.key === p.key;
      const ofPeriod = (x: DonorPeriod) => (x.kind === "month" ? [...KEYS] : groupKeys);
      for (const a of ofPeriod(p))
        for (const b of ofPeriod(outer)) {
          const [sa, sb] = [groups.get(a)!, groups.get(b)!];
          if (sa.size === 0 || sb.size === 0 || !within(sa, sb)) continue;
          if (sameSet(sa, sb)) {
            if (samePeriod) relations.same.push([group(p.key, a), group(p.key, b)]);
            else relations.parts.push({ part: group(p.key, a), whole: group(outer.key, b) });
          } else relations.parts.push({ part: group(p.key, a), whole: group(outer.key, b) });
        }
      if (p.kind === "month" || outer.kind === "month") continue;
      for (const d of DIMENSIONS)
        for (const a of KEYS)
          for (const b of KEYS) {
            if (!within(groups.get(a)!, groups.get(b)!) || (samePeriod && a === b)) continue;
            relations.parallels.push({ part: dimLine(p.key, d, a), whole: dimLine(outer.key, d, b) });
            for (const c of rows.get(d) ?? [])
              relations.parts.push({ part: dim(p.key, d, c, a), whole: dim(outer.key, d, c, b) });
          }
      // the people of an output line are some of the people of its groups, and of the year's line
      for (const line of rows.get("outputs") ?? []) {
        const activity = activityOfLabel.get(line.split("|")[0]!);
        for (const g of groupKeys)
          if (activity && groups.get(g)!.has(activity))
            relations.parts.push({ part: out(p.key, line, "persons"), whole: group(outer.key, g) });
        if (!samePeriod)
          relations.parts.push({ part: out(p.key, line, "persons"), whole: out(outer.key, line, "persons") });
      }
    }
  }
  for (const p of full) {
    for (const d of DIMENSIONS)
      for (const k of KEYS) {
        relations.lines.push(dimLine(p.key, d, k));
        relations.same.push([dim(p.key, d, "total", k), group(p.key, k)]);
      }
    for (const m of PERIODS.filter((x) => x.kind === "month" && contains(p, x)))
      for (const k of RESULTS) relations.same.push([`month|${p.key}|${m.key}|${k}`, group(m.key, k)]);
    const categories = (rows.get("complaints") ?? []).filter((r) => r !== "total");
    relations.lines.push({
      interior: categories.map((c) => msg(p.key, c, "received")),
      margin: msg(p.key, "total", "received"),
      people: true,
    });
    for (const c of categories) {
      relations.parts.push({ part: msg(p.key, c, "closed"), whole: msg(p.key, c, "received") });
      relations.parts.push({ part: msg(p.key, c, "closedInTime"), whole: msg(p.key, c, "closed") });
      relations.parts.push({ part: msg(p.key, c, "openOverdue"), whole: msg(p.key, c, "received") });
    }
  }
  // people reached from every source: the lines add up to the total, the registered are the headline's
  // everyone, the headcounts not linked are the sessions' total of them
  for (const p of full) {
    relations.lines.push({
      interior: PEOPLE_LINES.filter((l) => l !== "total").map((l) => ppl(p.key, l)),
      margin: ppl(p.key, "total"),
      people: true,
    });
    relations.same.push([ppl(p.key, "registered"), group(p.key, "all")]);
    relations.same.push([ppl(p.key, "unregistered"), grp(p.key, "total", "unregistered")]);
    // a member of a household given aid in a quarter was given it in the year
    if (p.kind === "quarter")
      relations.parts.push({ part: ppl(p.key, "householdMembers"), whole: ppl(YEAR.key, "householdMembers") });
    // sessions per kind: those counted are those linked and the others; the kinds add up to the total.
    // Sessions are events; participants are attendances (one person at two sessions counts twice),
    // yet fewer than 5 attendances are fewer than 5 people
    const kindLine = (q: string, m: string): Line => ({
      interior: (rows.get("groups") ?? []).map((k) => grp(q, k, m)),
      margin: grp(q, "total", m),
      people: m !== "activities",
    });
    const pair = (q: string, k: string): Line => ({
      interior: [grp(q, k, "linked"), grp(q, k, "unregistered")],
      margin: grp(q, k, "participants"),
      people: true,
    });
    for (const k of [...(rows.get("groups") ?? []), "total"]) relations.lines.push(pair(p.key, k));
    for (const m of GROUP_COLUMNS) relations.lines.push(kindLine(p.key, m));
    // a kind's people are some of all kinds' people; a quarter's kind some of the year's, row by row
    for (const k of rows.get("groups") ?? [])
      relations.parallels.push({ part: pair(p.key, k), whole: pair(p.key, "total") });
    if (p.kind === "quarter")
      for (const m of GROUP_COLUMNS.filter((x) => x !== "activities"))
        relations.parallels.push({ part: kindLine(p.key, m), whole: kindLine(YEAR.key, m) });
    // businesses visited at a milestone: those still running are some of them; jobs are counted per
    // business (a job for a woman is a job), an amount rather than people each once
    for (const r of rows.get("businesses") ?? []) {
      relations.parts.push({ part: biz(p.key, r, "running"), whole: biz(p.key, r, "visited") });
      for (const m of ["jobsWomen", "jobsMigrants"])
        relations.parts.push({ part: biz(p.key, r, m), whole: biz(p.key, r, "jobs"), people: false });
    }
    // people checked at a milestone: those employed are some of them
    for (const r of rows.get("employment") ?? [])
      relations.parts.push({ part: job(p.key, r, "employed"), whole: job(p.key, r, "checked") });
  }
  // a session, a visit (a business is visited once at a milestone) and a person's first check at a
  // milestone are dated once: the quarters add up to the year
  const acrossQuarters = (id: (p: string) => string, people: boolean) =>
    relations.lines.push({ interior: QUARTERS.map((q) => id(q.key)), margin: id(YEAR.key), people });
  for (const k of [...(rows.get("groups") ?? []), "total"])
    for (const m of GROUP_COLUMNS) acrossQuarters((p) => grp(p, k, m), m !== "activities");
  for (const r of rows.get("businesses") ?? [])
    for (const m of BUSINESS_COLUMNS) acrossQuarters((p) => biz(p, r, m), m === "visited" || m === "running");
  for (const r of rows.get("employment") ?? [])
    for (const m of EMPLOYMENT_COLUMNS) acrossQuarters((p) => job(p, r, m), true);
  // the quarters add up to the year: events, quantities, amounts, messages
  for (const line of rows.get("outputs") ?? [])
    for (const m of ["events", "quantity", "value"])
      relations.lines.push({
        interior: QUARTERS.map((q) => out(q.key, line, m)),
        margin: out(YEAR.key, line, m),
        people: false,
      });
  for (const c of rows.get("complaints") ?? [])
    for (const m of ["received", "closed", "closedInTime", "openOverdue"])
      relations.lines.push({
        interior: QUARTERS.map((q) => msg(q.key, c, m)),
        margin: msg(YEAR.key, c, m),
        people: true,
      });
  progressRelations(publication, relations);
  // an employment rate beside a shown number checked bounds those employed
  for (const { employed, checked, rate } of publication.rates) {
    const of = publication.shown.get(checked);
    if (typeof rate === "number" && typeof of === "number")
      relations.ranges!.push(...progressRange(employed, of, rate, null, 1));
  }
  return relations;
}

let donor: TestClient;
let admin: TestClient;
let PROGRAMME: { from: string; to: string };
const TODAY = moroccoToday();

/**
 * Targets for every indicator: the programme's, and each quarter's of 2026, small and
 * large (a % of a target of 100 or less tells its value exactly; a small target's status
 * tells a value under 5).
 */
async function setTargets() {
  const [staff] = await t.sql<{ id: string }[]>`select id from users where email = 'admin@masar.test'`;
  await t.sql`delete from report_targets`;
  for (const [n, { code }] of INDICATORS.entries()) {
    await t.sql`insert into report_targets (indicator, period, baseline, target, updated_by_id)
      values (${code}, 'programme', 0, ${[20, 60, 150, 400][n % 4]!}, ${staff!.id})`;
    for (const [q, quarter] of QUARTERS.entries())
      await t.sql`insert into report_targets (indicator, period, baseline, target, updated_by_id)
        values (${code}, ${quarter.key}, 0, ${[4, 12, 30, 90][(n + q) % 4]!}, ${staff!.id})`;
  }
  const [budget] = await t.sql<{ from: string; to: string }[]>`
    select starts_on::text as from, ends_on::text as to from programme_budget`;
  PROGRAMME = budget!;
}

/** The first day of a quarter of 2026 (0 to 3), plus some days. */
const dayOf = (quarter: number, days: number) =>
  new Date(Date.UTC(2026, quarter * 3, 1 + days)).toISOString().slice(0, 10);

/**
 * The donor's newer tables over 2026: group sessions counted by sex and age, some with
 * registered people linked; households of people given aid; funded businesses visited at
 * 3, 6 and 12 months; people checked at 3 and 6 months after training. Some kinds,
 * milestones and quarters under 5, most above.
 */
async function seedOutcomes() {
  const [staff] = await t.sql<{ id: string; org: string }[]>`
    select u.id, (select id from organisations order by name limit 1) as org
    from users u where u.email = 'admin@masar.test'`;
  if (!staff) throw new Error("no admin in the demo seed");
  const cases = (await t.sql<{ id: string }[]>`select id from beneficiary_cases order by reference limit 60`).map(
    (c) => c.id,
  );
  // sessions: kind, quarter, how many, people counted at each, registered people linked to each
  const plan = [
    ["awareness", 0, 6, 12, 2],
    ["awareness", 1, 5, 9, 1],
    ["awareness", 2, 7, 14, 3],
    ["awareness", 3, 4, 8, 0],
    ["information", 0, 1, 3, 0],
    ["information", 1, 4, 6, 1],
    ["information", 3, 2, 2, 0],
    ["psychosocial", 0, 2, 4, 1],
    ["psychosocial", 1, 1, 2, 0],
    ["psychosocial", 2, 3, 5, 2],
  ] as const;
  let linkedSoFar = 0;
  for (const [kind, quarter, sessions, people, linked] of plan)
    for (let i = 0; i < sessions; i++) {
      const [row] = await t.sql<{ id: string }[]>`
        insert into group_activities (organisation_id, kind, topic, held_on, city, facilitator,
          female18to24, male25to59, female12to17, recorded_by_id)
        values (${staff.org}, ${kind}, 'health', ${dayOf(quarter, i * 9 + quarter)}, 'rabat', 'Salma Idrissi',
          ${Math.ceil(people / 2)}, ${Math.floor(people / 2) - (i % 2)}, ${i % 2}, ${staff.id})
        returning id`;
      for (let j = 0; j < linked; j++)
        await t.sql`insert into group_activity_participants (activity_id, case_id)
          values (${row!.id}, ${cases[linkedSoFar++ % cases.length]!})`;
    }
  // households of 1 to 4 members, of a dozen people given a voucher this year
  await t.sql`
    insert into household_members (case_id, relationship, sex, birth_year, created_by_id)
    select c.case_id, (array['spouse','child','parent'])[1 + m % 3]::household_relationship,
      (array['female','male'])[1 + m % 2]::sex, 1970 + (m * 7) % 50, ${staff.id}
    from (select distinct v.case_id, c.reference from vouchers v join beneficiary_cases c on c.id = v.case_id
          where v.issued_at >= '2026-01-01' and v.issued_at < '2026-12-01' order by c.reference limit 12) c,
      generate_series(1, 1 + abs(hashtext(c.reference)) % 4) m`;
  // visits: milestone, quarter, how many (each to a business of its own at that milestone)
  const visits = [
    [3, 0, 6],
    [3, 1, 7],
    [3, 2, 2],
    [3, 3, 8],
    [6, 0, 3],
    [6, 1, 6],
    [6, 2, 9],
    [6, 3, 1],
    [12, 1, 2],
    [12, 2, 5],
    [12, 3, 6],
  ] as const;
  const awards: string[] = [];
  for (let i = 0; i < 23; i++) awards.push((await makeFundedBusiness(t.db, (await makeUser(t.db, {})).id, 450)).id);
  const next = new Map<number, number>();
  for (const [months, quarter, count] of visits)
    for (let i = 0; i < count; i++) {
      const n = next.get(months) ?? 0;
      next.set(months, n + 1);
      const running = n % 4 !== 3;
      const jobs = running ? n % 3 : 0;
      await t.sql`
        insert into business_follow_ups (award_id, months_after, visited_on, still_running, revenue_band,
          jobs_created, jobs_women, jobs_migrants, recorded_by_id)
        values (${awards[n]!}, ${months}, ${dayOf(quarter, i * 5 + 2)}, ${running}, ${running ? "under_2000" : null},
          ${jobs}, ${Math.min(jobs, n % 2)}, ${jobs > 1 ? 1 : 0}, ${staff.id})`;
    }
  // checks after training: milestone, quarter, people checked, of whom employed
  const checks = [
    [3, 0, 8, 5],
    [3, 1, 3, 1],
    [3, 2, 12, 10],
    [3, 3, 6, 2],
    [6, 1, 7, 4],
    [6, 2, 4, 4],
    [6, 3, 9, 6],
  ] as const;
  const trained = (
    await t.sql<{ id: string }[]>`
      select id from users u where u.role = 'applicant'
        and not exists (select 1 from training_outcomes o where o.user_id = u.id)
        and not exists (select 1 from placements p where p.beneficiary_id = u.id)
      order by phone nulls last, email nulls last, display_name limit 30`
  ).map((u) => u.id);
  const used = new Map<number, number>();
  for (const [months, quarter, count, employed] of checks)
    for (let i = 0; i < count; i++) {
      const n = used.get(months) ?? 0;
      used.set(months, n + 1);
      await t.sql`
        insert into training_outcomes (user_id, months_after, employment_status, recorded_on, recorded_by_id)
        values (${trained[n]!}, ${months}, ${i < employed ? "hired_elsewhere" : "seeking"}, ${dayOf(quarter, i * 4 + 1)},
          ${staff.id})`;
    }
}

beforeAll(async () => {
  await seedDemo(t.db);
  await seedScale(t.sql, 300);
  await seedOutcomes();
  await setTargets();
  donor = app.client();
  await donor.login("donor@masar.test", DEMO_PASSWORD);
  admin = app.client();
  await admin.login("admin@masar.test", DEMO_PASSWORD);
}, 300_000);

/** Each client's reading of the year, read once. */
const reads = new Map<TestClient, ReturnType<typeof readAll>>();
const readOnce = (client: TestClient) => reads.get(client) ?? reads.set(client, readAll(client)).get(client)!;

describe("differencing the donor's figures", () => {
  it("finds nothing under 5 across every request a donor may make about the year", async () => {
    const { publication, requests } = await readOnce(donor);
    const values = [...publication.shown.values()];
    // not an empty victory: many figures shown, many hidden
    expect(requests).toBe(109); // 12 months × 2 tables, 4 quarters and the year × 17 (3 frameworks)
    expect(values.filter((v) => typeof v === "number" && v >= 5).length).toBeGreaterThan(200);
    expect(values.filter((v) => v === "x").length).toBeGreaterThan(200);
    // no figure of people in the newer tables is shown under 5 (sessions and jobs are not people)
    const small = [...publication.shown].filter(
      ([id, v]) =>
        /^(people|group|business|employment)\|/.test(id) &&
        !/\|(activities|jobs|jobsWomen|jobsMigrants)$/.test(id) &&
        typeof v === "number" &&
        v > 0 &&
        v < 5,
    );
    expect(small).toEqual([]);
    // the newer tables were read, each with figures shown and figures hidden
    // the progress table: every indicator for a quarter and the year, people reached for a month, each
    // with its programme to date; values shown and hidden, statuses shown
    for (const p of PERIODS)
      expect(publication.progress.filter((r) => r.period.key === p.key).length, p.key).toBe(
        2 * INDICATORS.filter((i) => p.kind !== "month" || i.measure.kind === "reach").length,
      );
    expect(publication.progress.filter((r) => r.status !== null).length).toBeGreaterThan(20);
    // an employment rate is shown only beside the two figures it is made of
    expect(publication.rates.filter((r) => typeof r.rate === "number").length).toBeGreaterThan(0);
    for (const r of publication.rates.filter((x) => typeof x.rate === "number"))
      expect([publication.shown.get(r.checked), publication.shown.get(r.employed)], r.employed).not.toContain("x");
    for (const table of ["people", "group", "business", "employment", "progress"]) {
      const cells = [...publication.shown].filter(([id]) => id.startsWith(`${table}|`)).map(([, v]) => v);
      expect(cells.filter((v) => typeof v === "number" && v >= 5).length, table).toBeGreaterThan(2);
      expect(cells.filter((v) => v === "x").length, table).toBeGreaterThan(2);
    }
    expect(findLeaks(publication.shown, relationsOf(publication))).toEqual([]);
  }, 600_000);

  it("finds leaks in the old way of hiding (each column on its own), on the same data", async () => {
    const { publication } = await readOnce(admin);
    const relations = relationsOf(publication);
    // primary: under 5; secondary: in each line with one hidden cell, the smallest other one
    const naive = new Map<string, ShownValue>(
      [...publication.shown].map(([id, v]) => [
        id,
        typeof v === "number" && v < 5 && !/\|(events|quantity|value)$/.test(id) ? "x" : v,
      ]),
    );
    for (const line of relations.lines.filter((l) => l.people)) {
      const hidden = line.interior.filter((id) => naive.get(id) === "x");
      if (hidden.length !== 1) continue;
      const next = line.interior
        .filter((id) => typeof naive.get(id) === "number")
        .sort((a, b) => Number(naive.get(a)) - Number(naive.get(b)))[0];
      if (next) naive.set(next, "x");
    }
    const leaks = findLeaks(naive, relations);
    expect(leaks.length).toBeGreaterThan(10);
    expect(leaks.some((l) => /people$/.test(l))).toBe(true);
    for (const table of ["group", "business", "employment"])
      expect(
        leaks.some((l) => l.includes(`${table}|`)),
        table,
      ).toBe(true);
  }, 600_000);

  it("finds leaks in a progress table that hides values only (their % and status shown) or shows any span", async () => {
    const { publication: shown } = await readOnce(donor);
    const { publication: exact } = await readOnce(admin);
    const exactRow = new Map(exact.progress.map((r) => [prog(r.period.key, r.code, r.row), r]));
    const isDonorPeriod = (r: ProgressRow) =>
      r.row === "shown" || PERIODS.some((d) => d.from === PROGRAMME.from && d.to === r.period.to);
    // the value hidden as the donor's, its % and status those of the exact value
    const withPercent: Publication = {
      ...shown,
      progress: shown.progress.map((r) => {
        const e = exactRow.get(prog(r.period.key, r.code, r.row))!;
        return { ...r, percent: e.percent, status: e.status };
      }),
    };
    const percentLeaks = findLeaks(withPercent.shown, relationsOf(withPercent));
    expect(percentLeaks.filter((l) => /^progress\|.*(bounded to|between)/.test(l)).length).toBeGreaterThan(5);
    // the programme to date over a span that is no donor period (January to June), shown as exact as the admin's
    const anySpan: Publication = { ...shown, shown: new Map(shown.shown) };
    for (const r of shown.progress.filter((x) => !isDonorPeriod(x))) {
      const id = prog(r.period.key, r.code, r.row);
      const value = exact.shown.get(id);
      if (typeof value === "number") anySpan.shown.set(id, value);
    }
    const spanLeaks = findLeaks(anySpan.shown, relationsOf(anySpan));
    expect(spanLeaks.length).toBeGreaterThan(0);
    expect(spanLeaks.some((l) => l.includes("|toDate"))).toBe(true);
  }, 600_000);

  it("works out with bounds alone a hidden figure whose line-mate is revealed, one at a time", async () => {
    const { publication } = await readOnce(donor);
    const { publication: exact } = await readOnce(admin);
    const relations = relationsOf(publication);
    const unpublished = new Set(relations.unpublished);
    const hidden = (id: string) => publication.shown.get(id) === "x" && !unpublished.has(id);
    const value = (id: string) => exact.shown.get(id);
    // lines whose cells are all read, with two hidden figures of the tables: revealing one gives the other
    const pairs = relations.lines
      .filter((l) => [...l.interior, l.margin].every((id) => publication.shown.has(id)))
      .filter((l) => ![...l.interior, l.margin].some((id) => unpublished.has(id)))
      .map((l) => [...l.interior, l.margin].filter(hidden))
      .filter((h) => h.length === 2)
      .map(([a, b]) => [a!, b!] as const);
    const unique = [...new Map(pairs.map((p) => [p.join(" "), p])).values()];
    expect(unique.length).toBeGreaterThan(10);
    expect(boundLeaks(publication.shown, relations)).toEqual([]);
    for (const [a, b] of unique) {
      const revealed = new Map(publication.shown).set(a, value(a)!);
      expect(boundLeaks(revealed, relations), `${a} revealed`).toContain(`${b} is bounded to ${value(b)} exactly`);
    }
  }, 600_000);

  it("refuses a donor any other request: dates of their own, an association, a PDF of a year", async () => {
    expect((await donor.get("/reports?from=2026-04-01&to=2026-04-15")).status).toBe(400);
    expect((await donor.get("/reports/export.csv?table=reach&from=2026-04-01&to=2026-06-30")).status).toBe(400);
    const org = "00000000-0000-4000-8000-000000000000";
    const scoped = await donor.get(`/reports?period=2026-Q2&organisationId=${org}`);
    expect(scoped.status).toBe(400);
    expect(await scoped.text()).toContain("portent sur tout le programme");
    expect((await donor.get("/reports/quarterly.pdf?period=2026")).status).toBe(400);
    expect((await donor.get("/reports?period=2026-13")).status).toBe(400);
    expect((await donor.get("/reports?period=2026-05")).status).toBe(200);
  });
});
