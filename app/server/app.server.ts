import path from "node:path";
// the adapter's own request and response halves (its index exports only createRequestHandler)
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { createRequestHandler as createRemixHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, {
  type Request as ExpressRequest,
  type RequestHandler,
  type Response as ExpressResponse,
} from "express";
import type { Database } from "~db/client";
import type { MasarContext } from "~/context";
import { PAGE_GZIP } from "./compression.server";
import { createOutageMonitor, withDatabaseErrorsAsPages, type OutageMonitor } from "./database-down.server";
import { createLogger, type Logger } from "./logger.server";
import {
  bodyLimits,
  dropUnreadBody,
  errorPage,
  loadContext,
  requestLog,
  sameOriginForms,
  securityHeaders,
  whileDraining,
  type ServerState,
} from "./middleware.server";
import { createAdmission, READ_WAIT_LIMIT_MS, RENDERS_AT_ONCE, type Admission } from "./admission.server";
import { bodyOfRenderedPage } from "./rendered-page.server";
import { routeIdMatcher } from "./route-id.server";
import { precompressedAssets, publicFiles } from "./static.server";

export { withDatabaseErrorsAsPages } from "./database-down.server";
export { READ_WAIT_LIMIT_MS, RENDERS_AT_ONCE } from "./admission.server";
export { localeOf } from "./middleware.server";

export type AppOptions = {
  build: ServerBuild;
  db: Database;
  publicDir: string;
  /** the portal's public origin; by default the Host the request came to */
  origin?: string;
  trustProxy?: string;
  mode?: string;
  /** by default, warnings and errors on stdout */
  logger?: Logger;
  /** the outage log; by default one watching `db` */
  monitor?: OutageMonitor;
  /** set `draining` when the server is stopping (/healthz answers 503) */
  state?: ServerState;
  /** how many page reads are answered at once, the others in turn (0: all at once); RENDERS_AT_ONCE by default */
  renders?: number;
  /**
   * how long a page read waits for its turn, in ms, before it is answered "the portal is very
   * busy" (503) unrendered (0: however long); READ_WAIT_LIMIT_MS by default
   */
  readWaitLimitMs?: number;
};

/**
 * Remix's Express adapter, but a page rendered whole (rendered-page.server.ts) goes to the
 * socket as the Buffer it is; any other answer (data, a resource route, a HEAD) through the
 * adapter's own copy of the Response's stream.
 */
function remixHandler(
  build: ServerBuild,
  mode: string,
  monitor: OutageMonitor,
  admission: Admission | null,
  compressRead: RequestHandler,
): RequestHandler {
  const handle = createRemixHandler(withDatabaseErrorsAsPages(build, monitor), mode);
  return (req, res, next) => {
    const answer = () => handle(createRemixRequest(req, res), res.locals.context as MasarContext);
    // reads take their turn; a form's post does not wait behind them (its body comes at the
    // client's pace), nor does the load balancer's health check (a busy server is not down).
    // A read that waits past the limit is refused (WaitedTooLong) by errorPage's busy page
    const turn =
      admission && (req.method === "GET" || req.method === "HEAD") && req.path !== "/healthz"
        ? admission.run(answer, () => res.destroyed)
        : answer();
    turn.then((response) => (response ? sendResponse(req, res, response, compressRead) : undefined)).catch(next);
  };
}

async function sendResponse(
  req: ExpressRequest,
  res: ExpressResponse,
  response: Response,
  compressRead: RequestHandler,
) {
  const page = bodyOfRenderedPage(response);
  if (!page) {
    // anything but a page rendered whole (data, a resource route, a redirect) is compressed
    // as before; the middleware calls on at once
    await new Promise<void>((resolve) => compressRead(req, res, () => resolve()));
    return sendRemixResponse(res, response);
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  res.end(page);
}

export function createApp(options: AppOptions) {
  const logger = options.logger ?? createLogger({ level: "warn" });
  const monitor = options.monitor ?? createOutageMonitor({ db: options.db, log: logger });
  const secureCookies = options.origin?.startsWith("https://") ?? false;
  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) {
    const n = Number(options.trustProxy);
    app.set("trust proxy", Number.isInteger(n) ? n : options.trustProxy);
  }
  app.use(requestLog(logger, routeIdMatcher(options.build)));
  app.use(whileDraining(options.state ?? { draining: false }));
  app.use(bodyLimits);
  // pages are gzipped whole by entry.server.tsx and assets come precompressed; the rest
  // (data requests, the stylesheet) here, above one TCP segment and lightly (decision 0076).
  // A read (GET, HEAD) waits until its answer is known: a page rendered whole skips the
  // middleware, which would only wrap it for nothing (decision 0202)
  const compress = compression({ threshold: PAGE_GZIP.threshold, level: PAGE_GZIP.level });
  app.use(compressionLaterForReads(compress));
  const compressRead = compressionNowForRead(compress);
  app.use(securityHeaders(secureCookies));
  // fingerprinted assets are cached for a year, the rest of public/ for an hour
  const { publicDir } = options;
  app.use("/build", compressRead, precompressedAssets(path.join(publicDir, "build")));
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }));
  const serveFile = express.static(publicDir, { maxAge: "1h", index: false });
  app.use(publicFiles(publicDir, (req, res, next) => compressRead(req, res, () => serveFile(req, res, next))));
  app.use(sameOriginForms(options.origin));
  app.use(loadContext({ db: options.db, secureCookies, monitor }));
  const renders = options.renders ?? RENDERS_AT_ONCE;
  const admission = renders > 0 ? createAdmission(renders, options.readWaitLimitMs ?? READ_WAIT_LIMIT_MS) : null;
  app.all(
    "*",
    dropUnreadBody,
    remixHandler(options.build, options.mode ?? "production", monitor, admission, compressRead),
  );
  app.use(errorPage(monitor, compressRead));
  return app;
}

const READS = new Set(["GET", "HEAD"]);

/**
 * The compression middleware for every request but a read, whose compression waits until
 * its answer is known (compressionNowForRead): most reads are pages, rendered whole and
 * gzipped by entry.server.tsx, for which the middleware's wrappers of the response and its
 * hook on the headers did nothing but cost about 1.5% of the page's CPU (issue 19).
 */
function compressionLaterForReads(compress: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (!READS.has(req.method)) return compress(req, res, next);
    res.locals.compressLater = true;
    next();
  };
}

/**
 * The compression middleware, once, for a read whose answer is not a page rendered whole:
 * a static file, an answer of Remix's that is not a page (data, a resource route, a
 * redirect), the error page. The same middleware at a later place: nothing has written
 * to the response before, so its answer is compressed exactly as before.
 */
function compressionNowForRead(compress: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (!res.locals.compressLater) return next();
    res.locals.compressLater = false;
    compress(req, res, next);
  };
}

/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than
 * the idle time of the clients and proxies in front of the portal: a client that reuses a
 * connection just as the server closes it gets a reset instead of a page (Playwright's
 * request client does not read the `Keep-Alive: timeout` hint; nginx keeps upstream
 * connections 60 s). A server that outlives its clients' idle connections leaves the
 * closing to them. Decision 0149.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** The app listening on `port`, its keep-alive outliving its clients' (KEEP_ALIVE_TIMEOUT_MS) */
export function listen(app: ReturnType<typeof createApp>, port: number, host: string) {
  const server = app.listen(port, host);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Node requires the headers timeout to be longer than the keep-alive timeout
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  return server;
}
