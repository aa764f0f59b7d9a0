/**
 * The differencing test of issue 18: every request a donor may make about a year of
 * demo-like data (the demo seed and 300 more beneficiaries spread over 2026: every
 * table of the year, of each quarter and of each month, in each framework), read as
 * CSV over HTTP, then attacked (tests/helpers/differencing.ts): no figure about fewer
 * than 5 people can be read off a difference of two figures or of two tables, no hidden
 * figure can be worked out exactly, and one figure is one value wherever it is shown.
 * The same attacker, given the old way of hiding (each column on its own), finds leaks.
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
import { DEMO_PASSWORD } from "../../factories";
import { findLeaks, type Line, type Relations, type ShownValue } from "../../helpers/differencing";
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

type Publication = { shown: Map<string, ShownValue>; rows: Map<string, string[]> };

/** Every table of every period of the year, as one client is shown them. */
async function readAll(client: TestClient): Promise<{ publication: Publication; requests: number }> {
  const shown = new Map<string, ShownValue>();
  const rows = new Map<string, string[]>();
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
  for (const p of PERIODS) {
    for (const [i, row] of (await read("reach", p)).entries()) put(group(p.key, KEYS[i]!), row[1]);
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
  return { publication: { shown, rows }, requests };
}

/** What a reader knows relates the figures: from the tables' shape and the frameworks' public mapping. */
function relationsOf({ rows }: Publication): Relations {
  const relations: Relations = { lines: [], parts: [], parallels: [], same: [] };
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
  return relations;
}

let donor: TestClient;
let admin: TestClient;

beforeAll(async () => {
  await seedDemo(t.db);
  await seedScale(t.sql, 300);
  donor = app.client();
  await donor.login("donor@masar.test", DEMO_PASSWORD);
  admin = app.client();
  await admin.login("admin@masar.test", DEMO_PASSWORD);
}, 300_000);

describe("differencing the donor's figures", () => {
  it("finds nothing under 5 across every request a donor may make about the year", async () => {
    const { publication, requests } = await readAll(donor);
    const values = [...publication.shown.values()];
    // not an empty victory: many figures shown, many hidden
    expect(requests).toBe(72); // 12 months × 1 table, 4 quarters and the year × 12 (3 frameworks)
    expect(values.filter((v) => typeof v === "number" && v >= 5).length).toBeGreaterThan(200);
    expect(values.filter((v) => v === "x").length).toBeGreaterThan(200);
    expect(findLeaks(publication.shown, relationsOf(publication))).toEqual([]);
  }, 600_000);

  it("finds leaks in the old way of hiding (each column on its own), on the same data", async () => {
    const { publication } = await readAll(admin);
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
