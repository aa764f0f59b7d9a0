/**
 * Statistical disclosure control for the donor's figures: which cells of a family of
 * published tables to hide so that no figure about fewer than 5 people can be read or
 * worked out, from one table or by comparing several (different periods, groups or
 * breakdowns). Pure. The method, and why: docs/decisions/0092-donor-figures-hide-consistently.md.
 *
 * The tables are given as cells (a number each) and the relations a reader knows:
 * - a line: its interior cells add up to its margin (the categories of a breakdown and
 *   its total; the quarters of a year for counts of events, which add up);
 * - a part and its whole: the part counts some of the whole's people (a month and its
 *   quarter, women reached by health care and all people reached by health care,
 *   people reached by an activity and by its result);
 * - a pair of parallel lines, one the part of the other cell by cell (the same breakdown
 *   in a quarter and in its year): subtracting them gives a breakdown of the difference.
 *
 * Rules, applied until nothing changes (hiding only ever grows, so it ends):
 * 1. primary: a count of people below the threshold is hidden (zero too: 0050);
 * 2. a part and its whole both shown differ by at least the threshold (else the
 *    difference, a group of fewer than 5, could be read): of the two, the one of lower
 *    rank is hidden (the part, unless ranked higher). A part is not shown beside its
 *    hidden whole when that whole is in a line: the part would bound the whole from
 *    below, and with it the other hidden cells of the line. (A whole in no line, hidden
 *    beside a shown part, is bounded by its shown parts and wholes, at least the
 *    threshold apart by this same rule: the parts given include every pair, transitively.)
 * 3. a line with a shown margin has no hidden cell, or at least two whose sum is at
 *    least the threshold (counts of people) or at least 1 (amounts: hidden cells adding up
 *    to 0 would each be 0, since no count is negative); a line whose margin is hidden
 *    has another hidden cell. Else the smallest shown interior cell is hidden too, or,
 *    with none left, the margin;
 * 4. of two parallel lines with both margins shown, the differences over the cells
 *    hidden in either add up to at least the threshold; else the smallest shown cell of
 *    the part line is hidden too.
 * Cells the reader knows anyway (periods not begun: zero) count as shown in lines.
 */

export type CellId = string;

/** "people": counted against the threshold; "amount" (events, quantities, money): only never worked out exactly. */
export type CellKind = "people" | "amount";

export type DisclosureLine = { interior: CellId[]; margin: CellId };
export type DisclosurePart = { part: CellId; whole: CellId };
export type ParallelLines = { part: DisclosureLine; whole: DisclosureLine };

export type DisclosureModel = {
  /** every cell the family of tables publishes, with its true value, in a stable order */
  values: Map<CellId, number>;
  kinds?: Map<CellId, CellKind>;
  /** hidden whatever their value (amounts behind fewer than 5 people) */
  forced?: Iterable<CellId>;
  /** known to the reader without being shown (a period that has not begun) */
  known?: Iterable<CellId>;
  /** of a part and its whole too close together, the one of lower rank is hidden (default 0; the part on a tie) */
  rank?: Map<CellId, number>;
  lines: DisclosureLine[];
  parts: DisclosurePart[];
  parallels?: ParallelLines[];
};

export const DISCLOSURE_THRESHOLD = 5;

/** The hidden cells of a family of tables; `why`, when given, receives the rule that hid each. */
export function hiddenCells(
  model: DisclosureModel,
  threshold = DISCLOSURE_THRESHOLD,
  why?: Map<CellId, string>,
): Set<CellId> {
  const order = new Map<CellId, number>();
  for (const id of model.values.keys()) order.set(id, order.size);
  const value = (id: CellId) => model.values.get(id) ?? 0;
  const isPeople = (id: CellId) => (model.kinds?.get(id) ?? "people") === "people";
  const known = new Set(model.known ?? []);
  const hidden = new Set<CellId>();
  let changed = false;
  const hide = (id: CellId, reason: string) => {
    if (known.has(id) || hidden.has(id) || !model.values.has(id)) return false;
    hidden.add(id);
    why?.set(id, reason);
    changed = true;
    return true;
  };
  const shown = (id: CellId) => known.has(id) || !hidden.has(id);
  // the smallest shown cell (that is not known anyway), ties broken by order: deterministic
  const smallest = (ids: CellId[]) =>
    ids
      .filter((id) => !hidden.has(id) && !known.has(id) && model.values.has(id))
      .sort((a, b) => value(a) - value(b) || (order.get(a) ?? 0) - (order.get(b) ?? 0))[0];

  for (const id of model.forced ?? []) hide(id, "forced");
  for (const [id, v] of model.values) if (isPeople(id) && v < threshold) hide(id, "small");

  const lineNeedsMore = (line: DisclosureLine): boolean => {
    const hiddenInterior = line.interior.filter((id) => !shown(id));
    if (!shown(line.margin)) return hiddenInterior.length === 0;
    if (hiddenInterior.length === 0) return false;
    if (hiddenInterior.length === 1) return true;
    const sum = hiddenInterior.reduce((n, id) => n + value(id), 0);
    return sum < (isPeople(line.margin) ? threshold : 1);
  };

  const parallelNeedsMore = ({ part, whole }: ParallelLines): boolean => {
    if (!shown(part.margin) || !shown(whole.margin)) return false;
    let difference = 0;
    let any = false;
    part.interior.forEach((id, i) => {
      const other = whole.interior[i];
      if (other === undefined || (shown(id) && shown(other))) return;
      any = true;
      difference += value(other) - value(id);
    });
    return any && Math.abs(difference) < threshold;
  };

  const inLine = new Set<CellId>();
  for (const line of model.lines) for (const id of [...line.interior, line.margin]) inLine.add(id);
  const rank = (id: CellId) => model.rank?.get(id) ?? 0;

  for (let guard = 0; guard <= model.values.size; guard++) {
    changed = false;
    for (const { part, whole } of model.parts) {
      if (!shown(part)) continue;
      if (!shown(whole)) {
        if (inLine.has(whole)) hide(part, `part of hidden ${whole}`);
      } else if (Math.abs(value(whole) - value(part)) < threshold) {
        if (rank(whole) < rank(part)) hide(whole, `too close to its part ${part}`);
        else hide(part, `too close to its whole ${whole}`);
      }
    }
    for (const line of model.lines) {
      if (!lineNeedsMore(line)) continue;
      const next = smallest(line.interior) ?? smallest([line.margin]);
      if (next !== undefined) hide(next, `line of ${line.margin}`);
    }
    for (const pair of model.parallels ?? []) {
      if (!parallelNeedsMore(pair)) continue;
      const next = smallest(pair.part.interior) ?? smallest([pair.part.margin]);
      if (next !== undefined) hide(next, `parallel to ${pair.whole.margin}`);
    }
    if (!changed) break;
  }
  return hidden;
}
