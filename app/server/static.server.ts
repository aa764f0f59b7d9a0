/**
 * Fingerprinted assets (public/build) served from the .gz files the build wrote
 * (scripts/precompress.mjs) to clients that accept gzip; everything else falls through
 * to express.static. Why: docs/decisions/0076-gzip-once-for-assets-lightly-for-pages.md.
 */
import fs from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";
import { acceptsGzip } from "./compression.server";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};

export function precompressedAssets(dir: string): RequestHandler {
  const root = path.resolve(dir);
  // the build never changes under a running server: look each file up once
  const found = new Map<string, string | null>();
  const lookup = (urlPath: string): string | null => {
    const cached = found.get(urlPath);
    if (cached !== undefined) return cached;
    let file: string | null = path.join(root, decodeURIComponent(urlPath));
    if (!file.startsWith(root + path.sep) || !TYPES[path.extname(file)] || !fs.existsSync(`${file}.gz`)) file = null;
    if (found.size < 10_000) found.set(urlPath, file);
    return file;
  };
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let file: string | null;
    try {
      file = lookup(req.path);
    } catch {
      return next(); // a malformed %-escape: let express.static answer
    }
    res.vary("Accept-Encoding");
    if (!file || !acceptsGzip(req)) return next();
    res.setHeader("Content-Encoding", "gzip");
    res.sendFile(`${file}.gz`, {
      immutable: true,
      maxAge: "1y",
      headers: { "Content-Type": TYPES[path.extname(file)]! },
    });
  };
}

/**
 * The files of public/ outside build/ (favicon, styles), served by express.static; any
 * other path goes on to the pages without a look at the disk. Why: express.static
 * stats the disk for every page otherwise, 3% of a page's CPU in the profile (issue 19).
 * The list is read once: public/ does not change under a running server.
 */
export function publicFiles(dir: string, serve: RequestHandler): RequestHandler {
  const files = new Set<string>();
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (child !== "/build") walk(child);
      } else files.add(child);
    }
  };
  if (fs.existsSync(dir)) walk("");
  return (req, res, next) => (files.has(req.path) ? serve(req, res, next) : next());
}
