/**
 * The express middlewares of the portal, in the order createApp (app.server.ts) uses
 * them. Each one does one thing and says why.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Database } from "~db/client";
import type { MasarContext } from "~/context";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "~/i18n/config";
import { dictionariesVersion } from "~/i18n/dictionaries.server";
import {
  readCookie,
  serializeBlankSessionCookie,
  serializeSessionCookie,
  sessionCookieName,
  validateSessionToken,
} from "~/modules/auth/session.server";
import { isDatabaseDown, isStatementTimeout } from "~db/errors";
import { MAX_ATTACHMENT_BYTES } from "~db/schema/business-plans";
import { MAX_IMPORT_BYTES } from "~/modules/imports/rules";
import { isWaitedTooLong } from "./admission.server";
import { acceptsGzip } from "./compression.server";
import { RETRY_AFTER_SECONDS, type OutageMonitor } from "./database-down.server";
import type { Logger } from "./logger.server";
import { plainPage } from "./plain-page.server";
import type { MessageKey } from "~/i18n/translate";

export type ServerState = { draining: boolean };

export function localeOf(req: Request): Locale {
  const fromCookie = readCookie(req.headers.cookie, "lng");
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(req.headers["accept-language"]) ?? DEFAULT_LOCALE;
}

/** A proxy's request id is kept when it looks like one; anything else gets a new one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,80}$/;

/**
 * One log line per request, when its answer is finished (or the client went away):
 * request id, route id, status, duration, and the signed-in user's id. No path or query
 * string (a search can hold a name), no body, no header.
 */
export function requestLog(logger: Logger, routeIdOf: (pathname: string) => string | null): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const incoming = req.get("x-request-id");
    const reqId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    // the request's own logger (its lines carry the request id) is made when something logs
    // through it, an error or a warning: most requests only write their one line below
    let log: Logger | undefined;
    res.locals.requestLogger = () => (log ??= logger.child({ reqId }));
    res.setHeader("X-Request-Id", reqId);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const context = res.locals.context as MasarContext | undefined;
      // the same line as the child's: pino writes its bindings (reqId) first, as here
      logger.info(
        {
          reqId,
          event: "request",
          method: req.method,
          route: routeIdOf(req.path),
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          userId: context?.auth?.user.id ?? null,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        "request",
      );
    };
    res.on("finish", done);
    res.on("close", done);
    next();
  };
}

/**
 * A stopping server answers /healthz with 503 so the load balancer sends no new
 * visitors, and asks keep-alive clients to reconnect elsewhere.
 */
export function whileDraining(state: ServerState): RequestHandler {
  return (req, res, next) => {
    if (!state.draining) return next();
    res.setHeader("Connection", "close");
    if (req.path !== "/healthz") return next();
    res.status(503).setHeader("Cache-Control", "no-store").json({ status: "draining" });
  };
}

/** How many bytes of randomness a CSP nonce takes (128 bits) */
const NONCE_BYTES = 16;
/** Nonces are cut from this many random bytes at a time */
const NONCE_POOL_BYTES = 4096;
let noncePool = Buffer.alloc(0);
let nonceOffset = 0;

/**
 * A fresh CSP nonce (base64 of 16 random bytes), cut from a pool of bytes drawn from
 * node's CSPRNG 4 KB at a time: one call into OpenSSL per 256 nonces, where a
 * `randomBytes(16)` per request cost more than the rest of the security headers (issue 19,
 * decision 0203). No byte is used twice; as unpredictable as one
 * draw per nonce (node's randomUUID pools its randomness the same way).
 */
export function cspNonce(): string {
  if (nonceOffset + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(NONCE_POOL_BYTES);
    nonceOffset = 0;
  }
  const nonce = noncePool.toString("base64", nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return nonce;
}

/** The policy around its nonce, joined once */
const CSP_BEFORE_NONCE = ["default-src 'self'", "script-src 'self' 'nonce-"].join("; ");
const CSP_AFTER_NONCE = [
  "'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'none'",
].join("; ");

/** Security headers on every response, with a fresh CSP nonce per request. */
export function securityHeaders(secureCookies: boolean): RequestHandler {
  return (_req, res, next) => {
    const nonce = cspNonce();
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", CSP_BEFORE_NONCE + nonce + CSP_AFTER_NONCE);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (secureCookies) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOfRequest(req: Request): string | null {
  const origin = req.get("origin");
  if (origin) return origin;
  const referer = req.get("referer");
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/** A form's body at most; the routes that take files have their own limit below. */
export const FORM_BODY_LIMIT = 1024 * 1024;
/**
 * Routes that take files: the plan page's attachments and the list import (the route reads up to three times
 * an attachment's limit itself, to answer "too large" in a page rather than a reset).
 */
const UPLOAD_BODY_LIMITS: { path: RegExp; limit: number }[] = [
  { path: /^\/plans\/[^/]+\/?$/, limit: 3 * MAX_ATTACHMENT_BYTES + FORM_BODY_LIMIT },
  // a list to import (app/lib/upload.server.ts reads it the same way)
  { path: /^\/imports\/?$/, limit: 3 * MAX_IMPORT_BYTES + FORM_BODY_LIMIT },
];

/**
 * The path the routes will see: Remix reads the request's URL as a browser would, so
 * "/webhooks/../login" and "/webhooks/%2e%2e/login" are the sign-in page. Exceptions by
 * path (the webhooks, the plan page's uploads) are decided on this one, never on the raw
 * path, or a body sent "to a webhook" would reach another page unchecked.
 */
function routedPath(req: Request): string {
  try {
    return new URL(req.originalUrl, "http://portal.invalid").pathname;
  } catch {
    return req.path;
  }
}

/** A delivery report of an SMS gateway: no session, no page, a shared secret instead. */
const isWebhook = (req: Request) => routedPath(req).startsWith("/webhooks/");

/**
 * Bodies are limited before anyone reads them: a declared length over the route's limit
 * gets 413 at once and the connection is closed, so nothing is buffered; a body without
 * a declared length (chunked) gets 411: browsers always declare it. Why: issue 18.
 */
export const bodyLimits: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const declared = req.headers["content-length"];
  const refuse = (status: 411 | 413) => {
    res.status(status).type("html").setHeader("Cache-Control", "no-store");
    // a form a little over the limit (a browser's, say) is read and dropped after the
    // answer, or the browser, still sending it, would meet a reset instead of the page;
    // a larger one, or one of unknown length, is cut off at once
    if (status === 413 && Number(declared) <= UNREAD_BODY_LIMIT) res.on("finish", () => dropRest(req));
    else res.setHeader("Connection", "close");
    res.send(plainPage(localeOf(req), `errors.page.${status}.title`, `errors.page.${status}.body`));
  };
  // SMS gateways' delivery reports may come chunked; they are small and authenticated
  if (declared === undefined) return req.headers["transfer-encoding"] && !isWebhook(req) ? refuse(411) : next();
  const path = routedPath(req);
  const limit = UPLOAD_BODY_LIMITS.find((u) => u.path.test(path))?.limit ?? FORM_BODY_LIMIT;
  if (Number(declared) > limit) return refuse(413);
  next();
};

/** Every change must come from a page of the portal itself. */
export function sameOriginForms(origin: string | undefined): RequestHandler {
  return (req, res, next) => {
    // delivery reports come from SMS gateways, not pages: a shared secret authenticates them
    if (SAFE_METHODS.has(req.method) || isWebhook(req)) return next();
    const expected = origin ?? `${req.protocol}://${req.get("host")}`;
    if (originOfRequest(req) === expected) return next();
    res.status(403).type("html").setHeader("Cache-Control", "no-store");
    res.send(plainPage(localeOf(req), "errors.page.csrf.title", "errors.page.csrf.body"));
  };
}

/** Who is asking, and in which language; renews the session cookie as it slides. */
export function loadContext(options: { db: Database; secureCookies: boolean; monitor: OutageMonitor }): RequestHandler {
  const { db, secureCookies, monitor } = options;
  return async (req, res, next) => {
    const requestLogger = res.locals.requestLogger as () => Logger;
    const context: MasarContext = {
      db,
      auth: null,
      locale: localeOf(req),
      cspNonce: String(res.locals.cspNonce),
      ip: req.ip ?? req.socket.remoteAddress ?? "unknown",
      i18nVersion: dictionariesVersion,
      // single fetch's data requests end in .data (`?_data` is the older protocol)
      keptHtml: req.path.endsWith(".data") || req.query._data !== undefined ? null : new Map(),
      gzip: acceptsGzip(req),
      secureCookies,
      get log() {
        return requestLogger();
      },
      observeDatabaseError: (error) => monitor.observe(error),
    };
    res.locals.context = context;
    const token = readCookie(req.headers.cookie, sessionCookieName(secureCookies));
    if (!token || req.path === "/healthz") return next();
    try {
      const auth = await validateSessionToken(db, token);
      if (!auth) res.append("Set-Cookie", serializeBlankSessionCookie(secureCookies));
      // the cookie carries the session's expiry: sent again only when this request moved it
      // (as Lucia does), not on every answer (about 110 bytes of headers a page)
      else if (auth.renewed) res.append("Set-Cookie", serializeSessionCookie(token, auth.expiresAt, secureCookies));
      context.auth = auth;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** What is left of a body answered before it was read is read and dropped up to this. */
const UNREAD_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * An answer given before the form was read (a redirect to sign in, a 403) left the
 * rest of the body unread, and the connection was reset under the browser, which
 * then showed a network error instead of the answer: read what is left, and drop it.
 * Remix's request body listens to the request's data and pauses it whenever its
 * unread queue is full, so resuming alone stalled again after one chunk (1 MB bodies
 * were still reset): its listener goes first.
 */
export const dropUnreadBody: RequestHandler = (req, res, next) => {
  res.on("finish", () => dropRest(req));
  next();
};

/** Read what is left of the body and drop it, up to UNREAD_BODY_LIMIT; past that, close. */
function dropRest(req: Request) {
  if (req.complete || req.destroyed) return;
  req.removeAllListeners("data");
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    // no one sends a form this large in good faith: stop reading and close
    if (dropped > UNREAD_BODY_LIMIT) req.destroy();
  });
  req.resume();
}

/**
 * Nothing internal ever reaches the browser: a translated page; the error's code and frames
 * in the log. `compressRead`: the compression a read left for its answer (app.server.ts).
 */
export function errorPage(monitor: OutageMonitor, compressRead: RequestHandler) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const kind = errorKind(error);
    const log = res.locals.requestLogger as () => Logger;
    if (kind === "down") monitor.observe(error);
    else if (kind === "slow") log().warn({ code: "57014" }, "statement timed out");
    // one line per refused read, with its request id and nothing of the reader's
    else if (isWaitedTooLong(error)) {
      log().warn({ event: "read.refused", waitedMs: error.waitedMs }, "read waited too long for its turn");
    } else log().error({ err: error }, "request failed");
    if (res.headersSent) return res.end();
    compressRead(req, res, () => sendErrorPage(req, res, kind));
  };
}

/**
 * The database away (503), a read that waited too long for its turn (503, decision
 * 0211), a statement past its limit (504, decision 0209), anything else (500).
 */
type ErrorKind = "down" | "busy" | "slow" | "failed";

function errorKind(error: unknown): ErrorKind {
  if (isDatabaseDown(error)) return "down";
  if (isWaitedTooLong(error)) return "busy";
  return isStatementTimeout(error) ? "slow" : "failed";
}

/**
 * The page of each kind; `retryAfter`: in how many seconds to try again (Retry-After), where
 * trying again soon may work, as a loader's page of the same kind says
 */
const ERROR_PAGES: Record<ErrorKind, { status: number; title: MessageKey; body: MessageKey; retryAfter?: number }> = {
  down: {
    status: 503,
    title: "errors.page.unavailable.title",
    body: "errors.page.unavailable.body",
    retryAfter: RETRY_AFTER_SECONDS,
  },
  busy: {
    status: 503,
    title: "errors.page.busy.title",
    body: "errors.page.busy.body",
    retryAfter: RETRY_AFTER_SECONDS,
  },
  slow: {
    status: 504,
    title: "errors.page.504.title",
    body: "errors.page.504.body",
    retryAfter: RETRY_AFTER_SECONDS,
  },
  failed: { status: 500, title: "errors.page.500.title", body: "errors.page.500.body" },
};

function sendErrorPage(req: Request, res: Response, kind: ErrorKind) {
  const page = ERROR_PAGES[kind];
  res.status(page.status).type("html").setHeader("Cache-Control", "no-store");
  if (page.retryAfter) res.setHeader("Retry-After", String(page.retryAfter));
  res.send(plainPage(localeOf(req), page.title, page.body));
}
