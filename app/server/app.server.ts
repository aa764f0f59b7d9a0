import { randomBytes } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
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
import { plainPage } from "./plain-page.server";

export type AppOptions = {
  build: ServerBuild;
  db: Database;
  publicDir: string;
  /** the portal's public origin; by default the Host the request came to */
  origin?: string;
  trustProxy?: string;
  mode?: string;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function localeOf(req: Request): Locale {
  const fromCookie = readCookie(req.headers.cookie, "lng");
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(req.headers["accept-language"]) ?? DEFAULT_LOCALE;
}

const DOWN_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin shutdown
  "57P02", // crash shutdown
  "57P03", // cannot connect now (starting up)
]);

/** A lost database shows up as a driver error, possibly wrapped by drizzle (cause chain). */
export function isDatabaseDown(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && DOWN_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * A loader or action that loses the database mid-request throws a driver error,
 * which Remix would render as a 500. Turn it into a 503 Response instead, so the page
 * is the translated "unavailable, try again" one (the error boundary maps 503), for
 * documents and single-fetch data requests alike.
 */
export function withDatabaseDownAs503(build: ServerBuild): ServerBuild {
  const wrap = <F extends (...args: never[]) => unknown>(fn: F | undefined): F | undefined =>
    fn &&
    ((async (...args: Parameters<F>) => {
      try {
        return await fn(...args);
      } catch (error) {
        if (isDatabaseDown(error)) throw new Response(null, { status: 503, headers: { "Retry-After": "5" } });
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

/** What is left of a body answered before it was read is read and dropped up to this. */
const UNREAD_BODY_LIMIT = 16 * 1024 * 1024;

export function createApp(options: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) {
    const n = Number(options.trustProxy);
    app.set("trust proxy", Number.isInteger(n) ? n : options.trustProxy);
  }
  const secureCookies = options.origin?.startsWith("https://") ?? false;
  app.use(compression());

  // Security headers on every response, with a fresh CSP nonce per request.
  app.use((_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (secureCookies) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });

  // Fingerprinted assets: cached for a year. The rest of public/: for an hour.
  app.use(
    "/build",
    express.static(path.join(options.publicDir, "build"), { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(express.static(options.publicDir, { maxAge: "1h", index: false }));

  // Every change must come from a page of the portal itself.
  app.use((req: Request, res: Response, next: NextFunction) => {
    // delivery reports come from gateways, not pages: a shared secret authenticates them
    if (SAFE_METHODS.has(req.method) || req.path.startsWith("/webhooks/")) return next();
    const expected = options.origin ?? `${req.protocol}://${req.get("host")}`;
    let actual = req.get("origin") ?? null;
    if (!actual) {
      const referer = req.get("referer");
      if (referer) {
        try {
          actual = new URL(referer).origin;
        } catch {
          actual = null;
        }
      }
    }
    if (actual !== expected) {
      res.status(403).type("html").setHeader("Cache-Control", "no-store");
      res.send(plainPage(localeOf(req), "errors.page.csrf.title", "errors.page.csrf.body"));
      return;
    }
    next();
  });

  // Who is asking, and in which language; renews the session cookie as it slides.
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    const locale = localeOf(req);
    const context: MasarContext = {
      db: options.db,
      auth: null,
      locale,
      cspNonce: String(res.locals.cspNonce),
      ip: req.ip ?? req.socket.remoteAddress ?? "unknown",
      i18nVersion: dictionariesVersion,
      secureCookies,
    };
    const token = readCookie(req.headers.cookie, sessionCookieName(secureCookies));
    if (token && req.path !== "/healthz") {
      try {
        const auth = await validateSessionToken(options.db, token);
        if (!auth) res.append("Set-Cookie", serializeBlankSessionCookie(secureCookies));
        else if (auth.expiresAt.getTime() !== 0) {
          res.append("Set-Cookie", serializeSessionCookie(token, auth.expiresAt, secureCookies));
        }
        context.auth = auth;
      } catch (error) {
        return next(error);
      }
    }
    res.locals.context = context;
    next();
  });

  const remix = createRequestHandler({
    build: withDatabaseDownAs503(options.build),
    mode: options.mode ?? "production",
    getLoadContext: (_req, res) => res.locals.context as MasarContext,
  });
  app.all("*", (req, res, next) => {
    // An answer given before the form was read (a redirect to sign in, a 403) left the
    // rest of the body unread, and the connection was reset under the browser, which
    // then showed a network error instead of the answer: read what is left, and drop it.
    // Remix's request body listens to the request's data and pauses it whenever its
    // unread queue is full, so resuming alone stalled again after one chunk (1 MB bodies
    // were still reset): its listener goes first.
    res.on("finish", () => {
      if (req.complete || req.destroyed) return;
      req.removeAllListeners("data");
      let dropped = 0;
      req.on("data", (chunk: Buffer) => {
        dropped += chunk.length;
        // no one sends a form this large in good faith: stop reading and close
        if (dropped > UNREAD_BODY_LIMIT) req.destroy();
      });
      req.resume();
    });
    Promise.resolve(remix(req, res, next)).catch(next);
  });

  // Nothing internal ever reaches the browser: a translated page, details in the log.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const down = isDatabaseDown(error);
    if (!down) console.error(error);
    if (res.headersSent) return res.end();
    res
      .status(down ? 503 : 500)
      .type("html")
      .setHeader("Cache-Control", "no-store");
    if (down) res.setHeader("Retry-After", "5");
    res.send(
      plainPage(
        localeOf(req),
        down ? "errors.page.unavailable.title" : "errors.page.500.title",
        down ? "errors.page.unavailable.body" : "errors.page.500.body",
      ),
    );
  });
  return app;
}
