/**
 * The donor's figures for a whole year at once: the year, its four quarters and its
 * twelve months, as one family of tables hidden together (disclosure.ts), so that every
 * request a donor may make in that year reads its cells from one consistent answer.
 * Pure: built from the aggregates donor.server.ts reads.
 *
 * What a donor may see: for the year and each quarter, people reached per result by
 * sex, age band, nationality, migrant status and region, per objective of each
 * framework, the outputs, complaints by category, people reached from every source (group
 * sessions' headcounts and households beside the registered: decision 0111) with the group
 * sessions per kind, and funded businesses' visits at 3, 6 and 12 months; for each month,
 * people reached per result and in all (the headline), which is also the monthly series of
 * the quarter and of the year.
 */
import type { CategoryCounts } from "~/modules/feedback/rules";
import { isConfidential } from "~/modules/feedback/rules";
import type { FeedbackCategory } from "~/modules/feedback/constants";
import { GROUP_ACTIVITY_KINDS } from "~/modules/groups/constants";
import { GROUP_MEASURES, type GroupMeasure } from "~/modules/groups/report";
import type { GroupFigures } from "~/modules/groups/report.server";
import { OUTCOME_MEASURES, type BusinessOutcome, type OutcomeMeasure } from "~/modules/businesses/report";
import { FOLLOW_UP_MONTHS } from "~/modules/businesses/rules";
import { EMPLOYMENT_MEASURES, type EmploymentMeasure, type EmploymentOutcome } from "~/modules/coaching/report";
import { EMPLOYMENT_CHECK_MONTHS } from "~/modules/coaching/rules";
import type { CellId, DisclosureLine, DisclosureModel } from "./disclosure";
import { hiddenCells } from "./disclosure";
import { activityMasks, RESULTS, type ActivityKey } from "./frameworks";
import type { OutputRow, ReachRow } from "./indicator-sql.server";
import { fixedCategories } from "./report-tables";
import { DIMENSIONS, SUPPRESSED, type DonorPeriod, type Dimension, type Shown } from "./rules";

/** The aggregates of one period of the family (a year or a quarter). */
export type PeriodFigures = {
  reach: ReachRow[];
  frameworks: ReachRow[];
  outputs: OutputRow[];
  complaints: CategoryCounts[] | null;
  /** group sessions and households (the app's own sources only) */
  groups?: GroupFigures | null;
  /** funded businesses' visits dated in the period, per milestone */
  businesses?: BusinessOutcome[] | null;
  /** employment checks at 3 and 6 months dated in the period, each person once per milestone */
  employment?: EmploymentOutcome[] | null;
};

export type FamilyRaw = {
  periods: DonorPeriod[];
  /** the activities the programme records (the page names the others): groups are counted over these */
  wired: readonly ActivityKey[];
  /** periods that have begun; the others are known to be empty */
  begun: Set<string>;
  /** the year's and each quarter's aggregates, by period key */
  figures: Map<string, PeriodFigures>;
  /** people per result and in all, by month key then group key ("health", …, "all") */
  months: Map<string, Map<string, number>>;
};

const MASKS = activityMasks();
const GROUP_MASK = new Map<string, number>([
  ...MASKS.results.map((r) => [r.key, r.mask] as const),
  ...MASKS.objectives.map((o) => [o.key, o.mask] as const),
]);
const HEADLINE_KEYS = [...RESULTS, "all"] as const;

/**
 * The mask of each group ("health", "all", "snia:OS5") over the recorded activities: two
 * groups of the same recorded activities count the same people and are one cell (an
 * objective that adds only activities not recorded is its result, for any reader).
 */
export function groupMasks(wired: readonly ActivityKey[]): Map<string, number> {
  const recorded = wired.reduce((mask, a) => mask | MASKS.bit[a], 0);
  return new Map([...GROUP_MASK].map(([key, mask]) => [key, mask & recorded]));
}

export const cellIds = {
  reach: (period: string, mask: number, dimension: Dimension | null, category: string | null) =>
    `r|${period}|${mask}|${dimension ?? ""}|${category ?? ""}`,
  output: (period: string, activity: string, detail: string | null, measure: OutputMeasure) =>
    `o|${period}|${activity}|${detail ?? ""}|${measure}`,
  complaint: (period: string, category: string, measure: ComplaintMeasure) => `c|${period}|${category}|${measure}`,
  group: (period: string, kind: string, measure: GroupMeasure) => `g|${period}|${kind}|${measure}`,
  /** "others": everyone but the registered, the total less the headline's "all" (the total is shown when both are) */
  people: (period: string, line: "linkedOnly" | "householdMembers" | "others") => `p|${period}|${line}`,
  business: (period: string, months: number, measure: OutcomeMeasure) => `b|${period}|${months}|${measure}`,
  employment: (period: string, months: number, measure: EmploymentMeasure) => `e|${period}|${months}|${measure}`,
};
export type OutputMeasure = "persons" | "events" | "quantity" | "value";
export type ComplaintMeasure = "received" | "closed" | "closedInTime" | "openOverdue";
const AMOUNTS = ["events", "quantity", "value"] as const;
const COMPLAINT_MEASURES = ["received", "closed", "closedInTime", "openOverdue"] as const;

const isSubset = (a: number, b: number) => a !== b && (a & ~b) === 0;

/** The shown value of every cell of the family (a number, or SUPPRESSED), and the rows to show. */
export type Published = FamilyRows & { cells: Map<CellId, Shown> };

/** What the family publishes besides the cells: the rows every period's tables show. */
export type FamilyRows = {
  /** each group's mask over the recorded activities (its cells' key) */
  masks: Map<string, number>;
  /** the categories of each breakdown met in the year, shown in each of its periods (an absent row would say "0") */
  categories: Map<Dimension, string[]>;
  /** the output lines met in the year, likewise */
  outputLines: { activity: ActivityKey; detail: string | null }[];
  /** whether the year's figures hold group sessions and households, and funded businesses */
  hasGroups?: boolean;
  hasBusinesses?: boolean;
  hasEmployment?: boolean;
};

type Group = { key: string; mask: number };
type Model = DisclosureModel & FamilyRows & Required<Pick<DisclosureModel, "kinds" | "rank" | "parallels">>;

/** The family being built: its cells, the relations between them, and what they are read from. */
class FamilyBuilder {
  readonly model: Model;
  readonly known = new Set<CellId>();
  readonly forced = new Set<CellId>();
  readonly year: DonorPeriod;
  readonly quarters: DonorPeriod[];
  readonly full: DonorPeriod[];
  readonly headlineGroups: Group[];
  readonly totalGroups: Group[];

  constructor(
    readonly raw: FamilyRaw,
    year: DonorPeriod,
  ) {
    const masks = groupMasks(raw.wired);
    this.model = {
      values: new Map(),
      kinds: new Map(),
      rank: new Map(),
      lines: [],
      parts: [],
      parallels: [],
      masks,
      categories: new Map(),
      outputLines: [],
    };
    this.year = year;
    this.quarters = raw.periods.filter((p) => p.kind === "quarter");
    this.full = [year, ...this.quarters];
    const group = (key: string): Group => ({ key, mask: masks.get(key) ?? 0 });
    this.headlineGroups = HEADLINE_KEYS.map(group).filter((g) => g.mask !== 0);
    const objectives = MASKS.objectives.map((o) => group(o.key)).filter((g) => g.mask !== 0);
    this.totalGroups = [...this.headlineGroups, ...objectives];
  }

  figures(key: string): PeriodFigures {
    return this.raw.figures.get(key) ?? { reach: [], frameworks: [], outputs: [], complaints: null };
  }

  /** A measure of the quarters adds up to the year's. */
  acrossQuarters(id: (period: string) => CellId) {
    this.model.lines.push({ interior: this.quarters.map((q) => id(q.key)), margin: id(this.year.key) });
  }

  maskOf(key: string): number {
    return this.model.masks.get(key) ?? 0;
  }

  /** A cell met twice (an objective of the same activities as a result) keeps its first value, the same. */
  set(id: CellId, value: number, period: string) {
    if (!this.model.values.has(id)) this.model.values.set(id, value);
    if (!this.raw.begun.has(period)) this.known.add(id);
  }

  line(period: string, group: string, d: Dimension): DisclosureLine {
    const mask = this.maskOf(group);
    return {
      interior: (this.model.categories.get(d) ?? []).map((c) => cellIds.reach(period, mask, d, c)),
      margin: cellIds.reach(period, mask, null, null),
    };
  }
}

/** People reached, per group and breakdown, in the year and its quarters; the months' headline. */
function addReach(f: FamilyBuilder) {
  // the categories of each breakdown: those always shown, and every one met in the year (a quarter's are among them)
  for (const d of DIMENSIONS) {
    const met = new Set<string>(fixedCategories(d));
    for (const p of f.full)
      for (const r of f.figures(p.key).reach) if (r.dimension === d) met.add(r.category ?? "unknown");
    f.model.categories.set(d, [...met].sort());
  }
  const reachValue = (rows: ReachRow[], key: string, d: Dimension | null, c: string | null) =>
    rows.find((r) => r.key === key && r.dimension === d && (d === null || r.category === c))?.persons ?? 0;
  for (const p of f.full) {
    const { reach, frameworks } = f.figures(p.key);
    for (const k of HEADLINE_KEYS) {
      f.set(cellIds.reach(p.key, f.maskOf(k), null, null), reachValue(reach, k, null, null), p.key);
      for (const d of DIMENSIONS) {
        for (const c of f.model.categories.get(d) ?? [])
          f.set(cellIds.reach(p.key, f.maskOf(k), d, c), reachValue(reach, k, d, c), p.key);
        f.model.lines.push(f.line(p.key, k, d));
      }
    }
    for (const o of f.totalGroups.slice(f.headlineGroups.length)) {
      const id = cellIds.reach(p.key, o.mask, null, null);
      // an objective of the same recorded activities as a result is that result's cell
      if (f.model.values.has(id)) continue;
      f.set(id, frameworks.find((r) => r.key === o.key)?.persons ?? 0, p.key);
      // too close to a result, an objective is hidden rather than the result
      f.model.rank.set(id, -1);
    }
  }
  for (const m of f.raw.periods.filter((p) => p.kind === "month")) {
    const counts = f.raw.months.get(m.key);
    for (const k of HEADLINE_KEYS) f.set(cellIds.reach(m.key, f.maskOf(k), null, null), counts?.get(k) ?? 0, m.key);
  }
}

/** Parts and parallel breakdowns: a group within a larger one, a period within a longer one. */
function addNesting(f: FamilyBuilder) {
  const contains = (outer: DonorPeriod, inner: DonorPeriod) =>
    outer.key !== inner.key && outer.from <= inner.from && inner.to <= outer.to;
  const groupsOf = (p: DonorPeriod) => (p.kind === "month" ? f.headlineGroups : f.totalGroups);
  for (const inner of f.raw.periods) {
    for (const outer of f.raw.periods) {
      const samePeriod = outer.key === inner.key;
      if (!samePeriod && !contains(outer, inner)) continue;
      const nested = (a: Group, b: Group) => (samePeriod ? isSubset(a.mask, b.mask) : (a.mask & ~b.mask) === 0);
      for (const a of groupsOf(inner))
        for (const b of groupsOf(outer))
          if (nested(a, b))
            f.model.parts.push({
              part: cellIds.reach(inner.key, a.mask, null, null),
              whole: cellIds.reach(outer.key, b.mask, null, null),
            });
      if (inner.kind === "month" || outer.kind === "month") continue;
      // breakdowns: the same category, in a group or a period that holds the other
      for (const a of f.headlineGroups)
        for (const b of f.headlineGroups) {
          if (!nested(a, b)) continue;
          for (const d of DIMENSIONS) {
            f.model.parallels.push({ part: f.line(inner.key, a.key, d), whole: f.line(outer.key, b.key, d) });
            for (const c of f.model.categories.get(d) ?? [])
              f.model.parts.push({
                part: cellIds.reach(inner.key, a.mask, d, c),
                whole: cellIds.reach(outer.key, b.mask, d, c),
              });
          }
        }
    }
  }
}

/** Outputs of the year and its quarters: people per line, and counts and amounts that add up over the quarters. */
function addOutputs(f: FamilyBuilder) {
  const outputLines = new Map<string, { activity: ActivityKey; detail: string | null }>();
  for (const p of f.full)
    for (const o of f.figures(p.key).outputs)
      outputLines.set(`${o.activity}\u0000${o.detail ?? ""}`, { activity: o.activity, detail: o.detail ?? null });
  f.model.outputLines = [...outputLines.values()];
  const { year } = f;
  for (const { activity, detail } of outputLines.values()) {
    for (const p of f.full) {
      const row = f.figures(p.key).outputs.find((o) => o.activity === activity && (o.detail ?? null) === detail);
      const persons = cellIds.output(p.key, activity, detail, "persons");
      f.set(persons, row?.persons ?? 0, p.key);
      for (const m of AMOUNTS) {
        const id = cellIds.output(p.key, activity, detail, m);
        f.set(id, row ? (m === "value" ? row.valueCentimes : row[m]) : 0, p.key);
        f.model.kinds.set(id, "amount");
        // fewer than 5 people behind a line: its counts and amount would describe them
        if ((row?.persons ?? 0) < 5) f.forced.add(id);
      }
      if (p.kind === "quarter")
        f.model.parts.push({ part: persons, whole: cellIds.output(year.key, activity, detail, "persons") });
      // the people of an activity are some of the people of every group it counts for, then and over the year
      for (const g of f.totalGroups) {
        if ((g.mask & MASKS.bit[activity]) === 0) continue;
        f.model.parts.push({ part: persons, whole: cellIds.reach(p.key, g.mask, null, null) });
        if (p.kind === "quarter")
          f.model.parts.push({ part: persons, whole: cellIds.reach(year.key, g.mask, null, null) });
      }
    }
    for (const m of AMOUNTS)
      f.model.lines.push({
        interior: f.quarters.map((q) => cellIds.output(q.key, activity, detail, m)),
        margin: cellIds.output(year.key, activity, detail, m),
      });
  }
}

/** Complaints and feedback by category: received per category add up to the total, and over the quarters. */
function addComplaints(f: FamilyBuilder) {
  if (!f.full.some((p) => f.figures(p.key).complaints)) return;
  const categories = f.figures(f.year.key).complaints?.map((c) => c.category) ?? [];
  const measuresOf = (category: FeedbackCategory) =>
    isConfidential(category) ? (["received"] as const) : COMPLAINT_MEASURES;
  for (const p of f.full) {
    const counts = f.figures(p.key).complaints ?? [];
    let total = 0;
    for (const category of categories) {
      const c = counts.find((x) => x.category === category);
      total += c?.received ?? 0;
      const id = (m: ComplaintMeasure) => cellIds.complaint(p.key, category, m);
      for (const m of measuresOf(category)) f.set(id(m), c?.[m] ?? 0, p.key);
      if (isConfidential(category)) continue;
      f.model.parts.push({ part: id("closed"), whole: id("received") });
      f.model.parts.push({ part: id("closedInTime"), whole: id("closed") });
      f.model.parts.push({ part: id("openOverdue"), whole: id("received") });
    }
    f.set(cellIds.complaint(p.key, "total", "received"), total, p.key);
    f.model.lines.push({
      interior: categories.map((category) => cellIds.complaint(p.key, category, "received")),
      margin: cellIds.complaint(p.key, "total", "received"),
    });
  }
  const acrossQuarters = (category: string, m: ComplaintMeasure) =>
    f.model.lines.push({
      interior: f.quarters.map((q) => cellIds.complaint(q.key, category, m)),
      margin: cellIds.complaint(f.year.key, category, m),
    });
  acrossQuarters("total", "received");
  for (const category of categories) for (const m of measuresOf(category)) acrossQuarters(category, m);
}

/**
 * Group sessions per kind and people reached from every source (decision 0111): each
 * kind's linked and unlinked participants add up to its headcount, the kinds to their
 * total, the quarters to the year; those reached only by a session, the unlinked
 * headcount and household members add up to the people reached besides the registered
 * (the total less the headline's "all": modelled apart, so that a small line hides one
 * of these rather than the headline); a quarter's household members are some of the
 * year's. Sessions are amounts, hidden behind fewer than 5 people.
 */
function addGroups(f: FamilyBuilder) {
  if (!f.full.some((p) => f.figures(p.key).groups)) return;
  f.model.hasGroups = true;
  const kinds = [...GROUP_ACTIVITY_KINDS, "total"] as const;
  for (const p of f.full) {
    const g = f.figures(p.key).groups;
    const value = (kind: (typeof kinds)[number], m: GroupMeasure) =>
      kind === "total"
        ? (g?.kinds ?? []).reduce((sum, k) => sum + k[m], 0)
        : (g?.kinds.find((k) => k.kind === kind)?.[m] ?? 0);
    for (const kind of kinds) {
      const id = (m: GroupMeasure) => cellIds.group(p.key, kind, m);
      for (const m of GROUP_MEASURES) f.set(id(m), value(kind, m), p.key);
      f.model.kinds.set(id("activities"), "amount");
      if (value(kind, "participants") < 5) f.forced.add(id("activities"));
      f.model.lines.push({ interior: [id("linked"), id("unregistered")], margin: id("participants") });
      f.model.parts.push({ part: id("linked"), whole: id("participants") });
      f.model.parts.push({ part: id("unregistered"), whole: id("participants") });
    }
    for (const m of GROUP_MEASURES)
      f.model.lines.push({
        interior: GROUP_ACTIVITY_KINDS.map((kind) => cellIds.group(p.key, kind, m)),
        margin: cellIds.group(p.key, "total", m),
      });
    const line = (l: "linkedOnly" | "householdMembers" | "others") => cellIds.people(p.key, l);
    const linkedOnly = g?.linkedOnly ?? 0;
    const households = g?.householdMembers ?? 0;
    f.set(line("linkedOnly"), linkedOnly, p.key);
    f.set(line("householdMembers"), households, p.key);
    f.set(line("others"), linkedOnly + value("total", "unregistered") + households, p.key);
    f.model.lines.push({
      interior: [line("linkedOnly"), cellIds.group(p.key, "total", "unregistered"), line("householdMembers")],
      margin: line("others"),
    });
    if (p.kind === "quarter")
      f.model.parts.push({ part: line("householdMembers"), whole: cellIds.people(f.year.key, "householdMembers") });
  }
  for (const kind of kinds) for (const m of GROUP_MEASURES) f.acrossQuarters((q) => cellIds.group(q, kind, m));
}

/**
 * Funded businesses' visits per milestone: those still running are some of those visited;
 * each measure adds up over the quarters (a visit is dated once). Jobs are amounts, hidden
 * behind fewer than 5 businesses.
 */
function addBusinesses(f: FamilyBuilder) {
  if (!f.full.some((p) => f.figures(p.key).businesses)) return;
  f.model.hasBusinesses = true;
  for (const p of f.full) {
    const rows = f.figures(p.key).businesses ?? [];
    for (const months of FOLLOW_UP_MONTHS) {
      const row = rows.find((r) => r.months === months);
      const id = (m: OutcomeMeasure) => cellIds.business(p.key, months, m);
      for (const m of OUTCOME_MEASURES) {
        f.set(id(m), row?.[m] ?? 0, p.key);
        if (m === "visited" || m === "running") continue;
        f.model.kinds.set(id(m), "amount");
        if ((row?.visited ?? 0) < 5) f.forced.add(id(m));
      }
      f.model.parts.push({ part: id("running"), whole: id("visited") });
    }
  }
  for (const months of FOLLOW_UP_MONTHS)
    for (const m of OUTCOME_MEASURES) f.acrossQuarters((q) => cellIds.business(q, months, m));
}

/**
 * Employment at 3 and 6 months: people checked and employed (counts of people); the
 * employed are some of those checked, so fewer than 5 not employed are never readable;
 * each adds up over the quarters (a person counts once per milestone, at her first check).
 */
function addEmployment(f: FamilyBuilder) {
  if (!f.full.some((p) => f.figures(p.key).employment)) return;
  f.model.hasEmployment = true;
  for (const p of f.full) {
    const rows = f.figures(p.key).employment ?? [];
    for (const months of EMPLOYMENT_CHECK_MONTHS) {
      const row = rows.find((r) => r.months === months);
      for (const m of EMPLOYMENT_MEASURES) f.set(cellIds.employment(p.key, months, m), row?.[m] ?? 0, p.key);
      f.model.parts.push({
        part: cellIds.employment(p.key, months, "employed"),
        whole: cellIds.employment(p.key, months, "checked"),
      });
    }
  }
  for (const months of EMPLOYMENT_CHECK_MONTHS)
    for (const m of EMPLOYMENT_MEASURES) f.acrossQuarters((q) => cellIds.employment(q, months, m));
}

export function familyModel(raw: FamilyRaw): DisclosureModel & FamilyRows {
  const year = raw.periods.find((p) => p.kind === "year");
  if (!year)
    return { values: new Map(), lines: [], parts: [], masks: new Map(), categories: new Map(), outputLines: [] };
  const f = new FamilyBuilder(raw, year);
  addReach(f);
  addNesting(f);
  addOutputs(f);
  addComplaints(f);
  addGroups(f);
  addBusinesses(f);
  addEmployment(f);
  return { ...f.model, known: f.known, forced: f.forced };
}

/** Every cell of the family as the donor sees it. */
export function publishFamily(raw: FamilyRaw): Published {
  const model = familyModel(raw);
  const hidden = hiddenCells(model);
  const cells = new Map<CellId, Shown>();
  for (const [id, v] of model.values) cells.set(id, hidden.has(id) ? SUPPRESSED : v);
  return {
    cells,
    masks: model.masks,
    categories: model.categories,
    outputLines: model.outputLines,
    hasGroups: model.hasGroups,
    hasBusinesses: model.hasBusinesses,
    hasEmployment: model.hasEmployment,
  };
}

/** A cell as published; a cell the family does not hold (a category never met) is hidden. */
export function shownCell(published: Published, id: CellId): Shown {
  return published.cells.get(id) ?? SUPPRESSED;
}

/** People reached by a group ("health", "all", "gcm:GCM15") in a period, as published. */
export function reachCell(
  published: Published,
  period: string,
  group: string,
  dimension: Dimension | null,
  category: string | null,
): Shown {
  const mask = published.masks.get(group) ?? 0;
  return mask === 0 ? SUPPRESSED : shownCell(published, cellIds.reach(period, mask, dimension, category));
}
