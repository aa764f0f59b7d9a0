/**
 * A database that is away (its errors are recognised by db/errors.ts): answering 503
 * instead of 500, and telling the log once when an outage starts and once when it ends
 * (not per request).
 */
import type { ServerBuild } from "@remix-run/node";
import { sql } from "drizzle-orm";
import type { Database } from "~db/client";
import { databaseDownCode, isDatabaseDown, isStatementTimeout } from "~db/errors";
import type { Logger } from "./logger.server";

export type OutageMonitor = {
  /** an error seen anywhere: starts an outage when it says the database is away */
  observe(error: unknown): void;
  readonly down: boolean;
  stop(): void;
};

/**
 * The first error of an outage logs a warning and starts probing the database every
 * `probeMs`; the first probe that answers logs the end, with how long it lasted.
 */
export function createOutageMonitor(options: { db: Database; log: Logger; probeMs?: number }): OutageMonitor {
  const probeMs = options.probeMs ?? 1000;
  let since: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const probe = () => {
    timer = setTimeout(() => {
      options.db.execute(sql`select 1`).then(
        () => {
          if (since === null) return;
          options.log.warn({ event: "database.up", downMs: Date.now() - since }, "database reachable again");
          since = null;
          timer = null;
        },
        () => {
          if (!stopped) probe();
        },
      );
    }, probeMs);
    timer.unref();
  };
  return {
    observe(error) {
      const code = databaseDownCode(error);
      if (code === null || since !== null || stopped) return;
      since = Date.now();
      options.log.warn({ event: "database.down", code }, "database unreachable");
      probe();
    },
    get down() {
      return since !== null;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/**
 * In how many seconds a reader is asked to try again (Retry-After) when a page could not be
 * answered now: the database away or too slow, or the portal too busy (errorPage's pages).
 */
export const RETRY_AFTER_SECONDS = 5;

/**
 * A loader or action that loses the database mid-request throws a driver error,
 * which Remix would render as a 500. Turn it into a 503 Response instead, so the page
 * is the translated "unavailable, try again" one (the error boundary maps 503), for
 * documents and single-fetch data requests alike. A statement PostgreSQL cancelled at the
 * pool's `statement_timeout` becomes a 504: "this page took too long, try again"
 * (decision 0209).
 */
export function withDatabaseErrorsAsPages(build: ServerBuild, monitor?: OutageMonitor): ServerBuild {
  const retryHeaders = { "Retry-After": String(RETRY_AFTER_SECONDS) };
  const wrap = <F extends (...args: never[]) => unknown>(fn: F | undefined): F | undefined =>
    fn &&
    ((async (...args: Parameters<F>) => {
      try {
        return await fn(...args);
      } catch (error) {
        if (isDatabaseDown(error)) {
          monitor?.observe(error);
          throw new Response(null, { status: 503, headers: retryHeaders });
        }
        if (isStatementTimeout(error)) throw new Response(null, { status: 504, headers: retryHeaders });
        throw error;
      }
    }) as unknown as F);
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    routes[id] = {
      ...route,
      module: { ...route.module, loader: wrap(route.module.loader), action: wrap(route.module.action) },
    };
  }
  return { ...build, routes };
}
