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
 * - the same figure shown in two places (a headline and a breakdown's total).
 */

export type ShownValue = number | "x";
export type Line = { interior: string[]; margin: string; people: boolean };
export type Relations = {
  lines: Line[];
  /** people: false when the whole and its part count things (jobs), not people: a small difference is no leak */
  parts: { part: string; whole: string; people?: boolean }[];
  parallels: { part: Line; whole: Line }[];
  same: string[][];
};

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

  // one figure, one value wherever it is shown
  for (const group of relations.same) {
    const values = new Set(group.filter((id) => shown.has(id)).map((id) => String(value(id))));
    if (values.size > 1) leaks.push(`shown two ways: ${group.map((id) => `${id}=${String(value(id))}`).join(", ")}`);
  }
  // a part and its whole
  for (const { part, whole, people } of relations.parts) {
    if (!shown.has(part) || !shown.has(whole) || !isShown(part)) continue;
    if (!isShown(whole)) {
      if (inLine.has(whole)) leaks.push(`${part}=${num(part)} bounds its hidden whole ${whole}, which is in a line`);
    } else if (people !== false && Math.abs(num(whole) - num(part)) < THRESHOLD) {
      leaks.push(`${whole} - ${part} = ${num(whole) - num(part)} people`);
    }
  }
  // a line
  for (const line of relations.lines) {
    if (![...line.interior, line.margin].every((id) => shown.has(id))) continue;
    const hidden = line.interior.filter((id) => !isShown(id));
    if (!isShown(line.margin)) {
      if (hidden.length === 0) leaks.push(`hidden total ${line.margin} is the sum of its shown lines`);
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
  for (const id of derivable(shown, relations.lines)) leaks.push(`${id} can be worked out exactly`);
  return leaks;
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
