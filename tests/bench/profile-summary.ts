/**
 * A V8 .cpuprofile in a few lines: the functions with the most CPU of their own
 * (self), and the share of a few named functions with everything under them (total,
 * counted once when they recurse). Shares are of the samples that were not idle.
 */
export type CpuProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
export type CpuProfile = { nodes: CpuProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Route matching, React's rendering, the database driver, compression. */
export const WATCHED = [
  "matchRoutes",
  "flattenRoutes",
  "rankRouteBranches",
  "compilePath",
  "matchRouteBranch",
  "renderToString",
  "compress",
  "deflate",
];

const IDLE = new Set(["(idle)", "(program)", "(garbage collector)"]);

function frameName(node: CpuProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^file:\/\//, "").replace(/.*node_modules\//, "");
  return `${functionName || "(anonymous)"} ${file.split("/").slice(-2).join("/")}:${lineNumber + 1}`;
}

export function summariseProfile(profile: CpuProfile, top = 15): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);

  let busy = 0;
  let gc = 0;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, count] of hits) {
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    if (name === "(garbage collector)") gc += count;
    if (IDLE.has(name)) continue;
    busy += count;
    const key = frameName(node);
    self.set(key, (self.get(key) ?? 0) + count);
    const seen = new Set<string>();
    for (let n: CpuProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const fn = n.callFrame.functionName;
      if (WATCHED.includes(fn) && !seen.has(fn)) {
        seen.add(fn);
        total.set(fn, (total.get(fn) ?? 0) + count);
      }
    }
  }
  const pct = (n: number) => `${((100 * n) / Math.max(busy, 1)).toFixed(1)}%`.padStart(6);
  const lines = [`\n${busy} busy samples (garbage collection apart: ${gc})`, "\nself time, top frames:"];
  for (const [key, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(count)}  ${key}`);
  lines.push("\nwith everything they call:");
  for (const fn of WATCHED) lines.push(`${pct(total.get(fn) ?? 0)}  ${fn}`);
  return lines.join("\n");
}
