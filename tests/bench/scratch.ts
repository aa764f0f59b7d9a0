/**
 * What the database benchmarks share: a migrated scratch database on DATABASE_URL's
 * server (else the embedded one), dropped afterwards, and the timing of runs.
 */
import { performance } from "node:perf_hooks";
import { createDb, type DbHandle } from "../../db/client";
import { acquireDatabase, databaseSettings } from "../../db/database";
import { runMigrations } from "../../db/migrate";
import { scratchDatabase } from "../helpers/scratch-database";

/** `work` on a new, migrated database (a pool of two connections); the database is dropped after. */
export async function inScratchDatabase<T>(prefix: string, work: (handle: DbHandle) => Promise<T>): Promise<T> {
  const acquired = await acquireDatabase(databaseSettings());
  try {
    const scratch = await scratchDatabase(acquired.migrationUrl, prefix);
    try {
      await runMigrations(scratch.url);
      const handle = createDb(scratch.url, { max: 2 });
      try {
        return await work(handle);
      } finally {
        await handle.close();
      }
    } finally {
      await scratch.drop();
    }
  } finally {
    await acquired.release();
  }
}

/** How many milliseconds `work` took, and what it returned. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** `work` run `runs` times in a row: each run's milliseconds, and what the last run returned. */
export async function timeRuns<T>(runs: number, work: () => Promise<T>): Promise<{ times: number[]; last: T }> {
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const run = await timed(work);
    times.push(run.ms);
    last = run.value;
  }
  return { times, last };
}

/** The middle run time (the upper one of an even count). */
export const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

/** Median, fastest and slowest of run times. */
export function spread(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(sorted), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}
