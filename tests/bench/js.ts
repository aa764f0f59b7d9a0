/**
 * `npm run bench:js`: the JavaScript each page of the build makes a browser load, in
 * gzip bytes (the entry, the root route, the page's own module and every chunk they
 * import, each counted once), read from the build's asset manifest. Budgets: pages an
 * applicant or an anonymous visitor can open, 120 KB; staff-only pages, 200 KB (over
 * that needs a decision record in docs/decisions). Prints figures and exits 0; a page over its
 * budget gets an "OVER BUDGET" line. Run `npm run build` first.
 *
 * A page loads that JavaScript when it is opened only if it runs the app's scripts
 * (app/lib/hydration.ts: a route of its chain asks with `handle.hydrate`); any other page
 * is plain HTML when opened ("on load: none"), and its modules are fetched only when the
 * browser comes to it from a page whose scripts run. The budget holds for both.
 *
 * Which page is whose comes from the access matrix (tests/access), so modules merged
 * later are classified with no edit here.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { ServerBuild } from "@remix-run/node";
import { pageHydrates } from "../../app/lib/hydration";
import { ACCESS_MATRIX } from "../access";

const root = path.resolve(import.meta.dirname, "../..");
const KB = 1024;
export const APPLICANT_BUDGET = 120 * KB;
export const STAFF_BUDGET = 200 * KB;

const build = (await import(pathToFileURL(path.join(root, "build", "index.js")).href)) as ServerBuild;
const manifest = build.assets;

const sizes = new Map<string, number>();
function gz(url: string): number {
  const cached = sizes.get(url);
  if (cached !== undefined) return cached;
  const file = path.join(root, "public", url.replace(/^\//, ""));
  const size = gzipSync(fs.readFileSync(file)).length;
  sizes.set(url, size);
  return size;
}

/** The routes from the root down to the page. */
function routeChain(routeId: string): string[] {
  const ids: string[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) ids.unshift(id);
  return ids;
}

/** The modules a page needs: the entry, then each route from the root down to the page. */
function chain(routeId: string): string[] {
  const ids = routeChain(routeId);
  const urls = new Set<string>([manifest.entry.module, ...manifest.entry.imports]);
  for (const id of ids) {
    const r = manifest.routes[id];
    if (!r) continue;
    urls.add(r.module);
    for (const imp of r.imports ?? []) urls.add(imp);
  }
  return [...urls];
}

type Row = {
  route: string;
  audience: "public" | "applicant" | "staff" | "nobody";
  bytes: number;
  budget: number;
  onLoad: boolean;
};
const rows: Row[] = [];
for (const [id, route] of Object.entries(build.routes)) {
  if (id === "root") continue;
  if (!route.module.default) continue; // resource route: no page, no JavaScript
  const entries = ACCESS_MATRIX.filter((e) => e.route === id);
  const audience: Row["audience"] = entries.some((e) => e.expect.anonymous === 200)
    ? "public"
    : entries.some((e) => e.expect.applicant === 200)
      ? "applicant"
      : entries.some((e) => Object.values(e.expect).includes(200))
        ? "staff"
        : "nobody";
  const bytes = chain(id).reduce((sum, url) => sum + gz(url), 0);
  const onLoad = pageHydrates(routeChain(id).map((r) => build.routes[r]?.module.handle));
  rows.push({ route: id, audience, bytes, budget: audience === "staff" ? STAFF_BUDGET : APPLICANT_BUDGET, onLoad });
}
rows.sort((a, b) => b.bytes - a.bytes);

const floor = chain("root").reduce((sum, url) => sum + gz(url), 0);
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
console.log(`JavaScript per page (gzip), build ${manifest.version}; entry + root alone: ${kb(floor)}`);
console.log(`budgets: public/applicant pages ${kb(APPLICANT_BUDGET)}, staff pages ${kb(STAFF_BUDGET)}\n`);
const width = Math.max(...rows.map((r) => r.route.length));
console.log(
  `${"route".padEnd(width)}  ${"audience".padEnd(9)}  ${"gzip".padStart(9)}  ${"own".padStart(8)}  ${"on load".padStart(9)}  budget`,
);
for (const r of rows) {
  const own = r.bytes - floor;
  const flag = r.bytes > r.budget ? "  OVER" : "";
  const onLoad = r.onLoad ? kb(r.bytes) : "none";
  console.log(
    `${r.route.padEnd(width)}  ${r.audience.padEnd(9)}  ${kb(r.bytes).padStart(9)}  ${kb(own).padStart(8)}  ${onLoad.padStart(9)}  ${kb(r.budget)}${flag}`,
  );
}
const loading = rows.filter((r) => r.onLoad);
console.log(
  `\n${loading.length} of ${rows.length} pages load JavaScript when opened: ${loading.map((r) => r.route).join(", ")}`,
);
const over = rows.filter((r) => r.bytes > r.budget);
console.log("");
if (over.length === 0)
  console.log(`all ${rows.length} pages within budget (largest: ${rows[0]?.route} ${kb(rows[0]?.bytes ?? 0)})`);
for (const r of over) {
  console.log(`OVER BUDGET: ${r.route} (${r.audience}) loads ${kb(r.bytes)} of JavaScript, budget ${kb(r.budget)}`);
}
