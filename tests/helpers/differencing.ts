/**
 * The attacker of the donor's figures, written apart from the app's disclosure code
 * (app/modules/reporting/disclosure.ts): given every figure a donor was shown, across
 * all the requests they may make, and what a reader knows relates them, list every way
 * a figure about fewer than 5 people could be read or worked out. Used by
 * tests/integration/reporting/differencing.test.ts.
 *
 * What a reader knows:
 * - lines: the interior figures add up to the margin (a breakdown and its total; the
 *   quarters of a year for counts of events and of messages);
 * - parts: a part counts some of its whole's people (a month and its quarter, a result
 *   and everyone, an activity and its result, closed messages and received ones), or some
 *   of its whole's things (jobs for women among jobs created);
 * - parallels: two lines whose cells are parts of each other row by row;
 * - the same figure shown in two places (a headline and a breakdown's total);
 * - ranges: what another shown figure tells of one (a percentage of a known target, a
 *   status against it: `progressRange`).
 *
 * Two ways of working figures out: exact linear derivation through the lines
 * (`derivable`), and bounds (`boundsOf`): every figure is a count, never negative; a
 * line's margin minus its other cells' bounds bounds each cell, a part is at most its
 * whole, two places of one figure share their bounds, a range narrows them; repeated
 * until nothing moves. A hidden figure whose bounds meet is worked out; a hidden count of
 * people whose upper bound is under 5 is worked out to be under 5.
 */

export type ShownValue = number | "x";
export type Line = { interior: string[]; margin: string; people: boolean };
export type Relations = {
  lines: Line[];
  /** people: false when the whole and its part count things (jobs), not people: a small difference is no leak */
  parts: { part: string; whole: string; people?: boolean }[];
  parallels: { part: Line; whole: Line }[];
  same: string[][];
  /** what a reader can tell of a figure from other shown ones (a percentage, a status) */
  ranges?: Range[];
  /**
   * figures left out rather than hidden (a sum over a span no table is about, made of
   * figures of the tables): working one out exactly tells nothing by itself; what is said
   * of it still counts, and so does working it out to be under 5 people
   */
  unpublished?: string[];
};
export type Range = { id: string; lo: number; hi: number; why: string };

const THRESHOLD = 5;

/** Every figure that could be worked out to be under 5, or worked out exactly while hidden. */
export function findLeaks(shown: Map<string, ShownValue>, relations: Relations): string[] {
  const leaks: string[] = [];
  const value = (id: string) => shown.get(id);
  const isShown = (id: string) => typeof shown.get(id) === "number";
  const num = (id: string) => {
    const v = shown.get(id);
    return typeof v === "number" ? v : 0;
  };
  const inLine = new Set(relations.lines.flatMap((l) => [...l.interior, l.margin]));
  const unpublished = new Set(relations.unpublished ?? []);

  // one figure, one value wherever it is shown
  for (const group of relations.same) {
    const values = new Set(group.filter((id) => shown.has(id)).map((id) => String(value(id))));
    if (values.size > 1) leaks.push(`shown two ways: ${group.map((id) => `${id}=${String(value(id))}`).join(", ")}`);
  }
  // a part and its whole
  for (const { part, whole, people } of relations.parts) {
    if (!shown.has(part) || !shown.has(whole) || !isShown(part)) continue;
    if (!isShown(whole)) {
      if (inLine.has(whole) && !unpublished.has(whole))
        leaks.push(`${part}=${num(part)} bounds its hidden whole ${whole}, which is in a line`);
    } else if (people !== false && Math.abs(num(whole) - num(part)) < THRESHOLD) {
      leaks.push(`${whole} - ${part} = ${num(whole) - num(part)} people`);
    }
  }
  // a line
  for (const line of relations.lines) {
    if (![...line.interior, line.margin].every((id) => shown.has(id))) continue;
    const hidden = line.interior.filter((id) => !isShown(id));
    if (!isShown(line.margin)) {
      if (hidden.length === 0 && !unpublished.has(line.margin))
        leaks.push(`hidden total ${line.margin} is the sum of its shown lines`);
      continue;
    }
    if (hidden.length === 1) leaks.push(`${hidden[0]} is ${line.margin} minus the others`);
    const rest = num(line.margin) - line.interior.filter(isShown).reduce((n, id) => n + num(id), 0);
    if (line.people && hidden.length > 1 && rest < THRESHOLD)
      leaks.push(`hidden cells ${hidden.join(" + ")} = ${rest} people`);
  }
  // two parallel lines: the difference of their hidden parts
  for (const { part, whole } of relations.parallels) {
    if (!isShown(part.margin) || !isShown(whole.margin)) continue;
    const rows = part.interior
      .map((id, i) => [id, whole.interior[i]!] as const)
      .filter(([p, w]) => shown.has(p) && shown.has(w));
    const open = rows.filter(([p, w]) => !isShown(p) || !isShown(w));
    if (open.length === 0) continue;
    const sum = (ids: string[], margin: string) => num(margin) - ids.filter(isShown).reduce((n, id) => n + num(id), 0);
    // hidden rows of each line, and their shown counterparts, worked out from the margins
    const partHidden = sum(part.interior, part.margin);
    const wholeHidden = sum(whole.interior, whole.margin);
    const partShownInOpen = open.filter(([p]) => isShown(p)).reduce((n, [p]) => n + num(p), 0);
    const wholeShownInOpen = open.filter(([, w]) => isShown(w)).reduce((n, [, w]) => n + num(w), 0);
    const difference = wholeHidden + wholeShownInOpen - (partHidden + partShownInOpen);
    if (Math.abs(difference) < THRESHOLD)
      leaks.push(`${whole.margin} vs ${part.margin}: their hidden rows differ by ${difference} people`);
  }
  // exact derivation of any hidden figure through all the lines at once
  for (const id of derivable(shown, relations.lines))
    if (!unpublished.has(id)) leaks.push(`${id} can be worked out exactly`);
  leaks.push(...boundLeaks(shown, relations));
  return leaks;
}

export type Bounds = Map<string, { lo: number; hi: number }>;

/** The ids the relations treat as counts of people (a line or a part of people, a figure shown as one of them). */
function peopleIds(relations: Relations): Set<string> {
  const people = new Set<string>();
  for (const l of relations.lines) if (l.people) for (const id of [...l.interior, l.margin]) people.add(id);
  for (const p of relations.parts) if (p.people !== false) [p.part, p.whole].forEach((id) => people.add(id));
  for (const { part, whole } of relations.parallels)
    for (const id of [...part.interior, part.margin, ...whole.interior, whole.margin]) people.add(id);
  for (const group of relations.same) if (group.some((id) => people.has(id))) group.forEach((id) => people.add(id));
  return people;
}

/**
 * The least and greatest value each figure can have, for a reader who knows what is shown
 * and the relations: counts are whole and never negative; a line's cells add up to its
 * margin; a part is at most its whole (two parallel lines, row by row); one figure in two
 * places is one value; a range bounds its figure. Tightened until nothing moves.
 * `contradictions`: figures whose bounds cross (a relation stated here that the figures
 * do not keep: the test's reading of the tables is wrong, not the tables).
 */
export function boundsOf(
  shown: Map<string, ShownValue>,
  relations: Relations,
): { bounds: Bounds; contradictions: string[] } {
  const bounds: Bounds = new Map();
  const get = (id: string) => {
    let b = bounds.get(id);
    if (!b) {
      const v = shown.get(id);
      b = typeof v === "number" ? { lo: v, hi: v } : { lo: 0, hi: Infinity };
      bounds.set(id, b);
    }
    return b;
  };
  let moved = false;
  const narrow = (id: string, lo: number, hi: number) => {
    const b = get(id);
    const [l, h] = [Math.ceil(lo - 1e-9), Math.floor(hi + 1e-9)];
    if (l > b.lo) [b.lo, moved] = [l, true];
    if (h < b.hi) [b.hi, moved] = [h, true];
  };
  const known = (ids: string[]) => ids.every((id) => shown.has(id));
  const lines = relations.lines.filter((l) => known([...l.interior, l.margin]));
  const parts = [
    ...relations.parts.filter((p) => known([p.part, p.whole])),
    ...relations.parallels.flatMap(({ part, whole }) =>
      [...part.interior, part.margin]
        .map((id, i) => ({ part: id, whole: [...whole.interior, whole.margin][i]! }))
        .filter((p) => known([p.part, p.whole])),
    ),
  ];
  const same = relations.same.map((g) => g.filter((id) => shown.has(id))).filter((g) => g.length > 1);
  for (const r of relations.ranges ?? []) if (shown.has(r.id)) narrow(r.id, r.lo, r.hi);
  for (let round = 0; round < 100; round++) {
    moved = false;
    for (const line of lines) {
      const cells = line.interior.map(get);
      const margin = get(line.margin);
      const lo = cells.reduce((n, b) => n + b.lo, 0);
      const hi = cells.reduce((n, b) => n + b.hi, 0);
      narrow(line.margin, lo, hi);
      line.interior.forEach((id, i) => {
        const b = cells[i]!;
        narrow(id, margin.lo - (hi - b.hi), margin.hi - (lo - b.lo));
      });
    }
    for (const { part, whole } of parts) {
      narrow(part, 0, get(whole).hi);
      narrow(whole, get(part).lo, Infinity);
    }
    for (const group of same) {
      const lo = Math.max(...group.map((id) => get(id).lo));
      const hi = Math.min(...group.map((id) => get(id).hi));
      for (const id of group) narrow(id, lo, hi);
    }
    if (!moved) break;
  }
  const contradictions = [...bounds]
    .filter(([, b]) => b.lo > b.hi)
    .map(([id, b]) => `${id}: at least ${b.lo} and at most ${b.hi}`);
  return { bounds, contradictions };
}

/** Hidden figures the bounds work out exactly, or work out to be fewer than 5 people; and figures of people shown under 5. */
export function boundLeaks(shown: Map<string, ShownValue>, relations: Relations): string[] {
  const { bounds, contradictions } = boundsOf(shown, relations);
  const people = peopleIds(relations);
  const unpublished = new Set(relations.unpublished ?? []);
  const leaks = contradictions.map((c) => `contradiction (a relation stated wrongly): ${c}`);
  for (const [id, v] of shown) {
    if (typeof v === "number") {
      if (people.has(id) && v > 0 && v < THRESHOLD) leaks.push(`${id} = ${v} people, shown`);
      continue;
    }
    const b = bounds.get(id);
    if (!b || b.lo > b.hi) continue;
    if (b.lo === b.hi && !unpublished.has(id)) leaks.push(`${id} is bounded to ${b.lo} exactly`);
    else if (people.has(id) && b.hi < THRESHOLD) leaks.push(`${id} is between ${b.lo} and ${b.hi} people`);
  }
  return leaks;
}

/**
 * What a progress row tells of its value: a whole percentage `percent` of `target` (rounded
 * down) holds the value to the counts giving that percentage; a status against the target,
 * with `elapsed` of the target's period gone by (decision 0106: reached at the target, on
 * track from the target's share for the time gone by, behind under it).
 */
export function progressRange(
  id: string,
  target: number,
  percent: number | null,
  status: "reached" | "on_track" | "behind" | null,
  elapsed: number,
): Range[] {
  const ranges: Range[] = [];
  if (percent !== null && target > 0)
    ranges.push({
      id,
      lo: Math.ceil((percent * target) / 100),
      hi: Math.floor(((percent + 1) * target - 1) / 100),
      why: `${percent} % of ${target}`,
    });
  const expected = Math.ceil(target * Math.min(1, Math.max(0, elapsed)));
  if (status === "reached") ranges.push({ id, lo: target, hi: Infinity, why: `reached ${target}` });
  if (status === "on_track") ranges.push({ id, lo: expected, hi: target - 1, why: `on track for ${target}` });
  if (status === "behind") ranges.push({ id, lo: 0, hi: Math.min(expected, target) - 1, why: `behind ${target}` });
  return ranges;
}

/**
 * The hidden figures the lines determine: with the shown figures moved to the right-hand
 * side, a hidden figure is determined when its unit vector is in the row space of the
 * hidden part of the system. Exact arithmetic (BigInt, fraction-free elimination).
 */
export function derivable(shown: Map<string, ShownValue>, lines: Line[]): string[] {
  const hiddenIds = [...new Set(lines.flatMap((l) => [...l.interior, l.margin]))].filter(
    (id) => shown.has(id) && typeof shown.get(id) !== "number",
  );
  const column = new Map(hiddenIds.map((id, i) => [id, i]));
  const rows: Map<number, bigint>[] = [];
  for (const line of lines) {
    if (![...line.interior, line.margin].every((id) => shown.has(id))) continue;
    const row = new Map<number, bigint>();
    const add = (id: string, c: bigint) => {
      const j = column.get(id);
      if (j === undefined) return;
      const v = (row.get(j) ?? 0n) + c;
      if (v === 0n) row.delete(j);
      else row.set(j, v);
    };
    for (const id of line.interior) add(id, 1n);
    add(line.margin, -1n);
    if (row.size > 0) rows.push(row);
  }
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  const normalise = (row: Map<number, bigint>) => {
    let g = 0n;
    for (const v of row.values()) g = gcd(g, v);
    if (g > 1n) for (const [j, v] of row) row.set(j, v / g);
  };
  const pivots: { col: number; row: Map<number, bigint> }[] = [];
  for (const start of rows) {
    let row = new Map(start);
    for (const p of pivots) {
      const c = row.get(p.col);
      if (c === undefined) continue;
      const pc = p.row.get(p.col)!;
      const next = new Map<number, bigint>();
      for (const [j, v] of row) next.set(j, v * pc);
      for (const [j, v] of p.row) {
        const w = (next.get(j) ?? 0n) - v * c;
        if (w === 0n) next.delete(j);
        else next.set(j, w);
      }
      row = next;
    }
    if (row.size === 0) continue;
    normalise(row);
    const col = Math.min(...row.keys());
    // keep the basis reduced: eliminate the new pivot from the earlier rows
    for (const p of pivots) {
      const c = p.row.get(col);
      if (c === undefined) continue;
      const nc = row.get(col)!;
      const next = new Map<number, bigint>();
      for (const [j, v] of p.row) next.set(j, v * nc);
      for (const [j, v] of row) {
        const w = (next.get(j) ?? 0n) - v * c;
        if (w === 0n) next.delete(j);
        else next.set(j, w);
      }
      normalise(next);
      p.row = next;
    }
    pivots.push({ col, row });
  }
  // a reduced row with one entry left is one hidden figure equal to known ones
  return pivots.filter((p) => p.row.size === 1).map((p) => hiddenIds[p.col]!);
}
