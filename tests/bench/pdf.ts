/**
 * `npm run bench:pdf`: render 50 business plans to PDF (fr, ar, en in turn, from
 * PlanDocuments as a grant snapshot would hold them) and print the median and p95
 * time per PDF. Target on the project's machines: median under 300 ms.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Locale } from "../../app/i18n/config";
import { toPlanDocument } from "../../app/modules/business-plans/document";
import { renderPlanPdf } from "../../app/modules/business-plans/plan-pdf.server";
import { completePlanContent } from "../factories/business-plans";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const LOCALES: Locale[] = ["fr", "ar", "en"];

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

// one warm-up render: font loading and module initialisation are not per-PDF costs
await renderPlanPdf({
  doc: toPlanDocument({ id: "warm-up", updatedAt: new Date(), ...completePlanContent() }),
  locale: "fr",
});

const times: number[] = [];
const cpuTimes: number[] = [];
const byLocale = new Map<Locale, number[]>();
let bytes = 0;
const rssBefore = process.memoryUsage().rss;
for (let i = 0; i < RUNS; i++) {
  const content = completePlanContent(`Projet numéro ${i + 1}`, (["rabat", "oujda", "tanger"] as const)[i % 3]);
  const doc = toPlanDocument({ id: `bench-${i}`, updatedAt: new Date(), ...content });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const buffer = await renderPlanPdf({ doc, locale: LOCALES[i % LOCALES.length] ?? "fr", ownerName: "Aminata Diallo" });
  times.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  const locale = LOCALES[i % LOCALES.length] ?? "fr";
  byLocale.set(locale, [...(byLocale.get(locale) ?? []), (used.user + used.system) / 1000]);
  bytes += buffer.length;
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
console.log(`PDFs rendered: ${RUNS} (fr/ar/en, 5 pages each)`);
console.log(`median: ${percentile(times, 50).toFixed(1)} ms`);
console.log(`p95:    ${percentile(times, 95).toFixed(1)} ms`);
console.log(`max:    ${(times.at(-1) ?? 0).toFixed(1)} ms`);
// CPU time counts only this process's work: a fairer figure on a shared machine
console.log(`cpu median: ${percentile(cpuTimes, 50).toFixed(1)} ms, p95: ${percentile(cpuTimes, 95).toFixed(1)} ms`);
for (const [locale, list] of byLocale) {
  list.sort((a, b) => a - b);
  console.log(`cpu median ${locale}: ${percentile(list, 50).toFixed(1)} ms`);
}
console.log(`mean size: ${Math.round(bytes / RUNS / 1024)} KB`);
const memory = process.memoryUsage();
console.log(
  `memory: rss ${Math.round(memory.rss / 1048576)} MB (+${Math.round((memory.rss - rssBefore) / 1048576)} MB over the runs), heap ${Math.round(memory.heapUsed / 1048576)} MB`,
);
// the figures mean little on a busy machine: say how busy it was
console.log(
  `load average: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} on ${os.cpus().length} cores`,
);
