/**
 * How the portal's answers are compressed (decision 0076, and 0173-pages-gzipped-whole for
 * pages): fingerprinted assets come from the .gz the build wrote; a page, rendered whole
 * (entry.server.tsx), is gzipped there in one call; anything else that is compressible
 * (data requests, the stylesheet) goes through the `compression` middleware, with the same
 * threshold and level.
 */
import zlib from "node:zlib";
import type { Request } from "express";

/** Below one TCP segment gzip saves no round trip; level 4 costs half level 6's CPU for a few % more bytes. */
export const PAGE_GZIP = { threshold: 1400, level: 4 } as const;

/**
 * Whether the client takes gzip: it says so in `Accept-Encoding` (q-values and `*`
 * honoured); a request without the header gets the plain bytes.
 */
export function acceptsGzip(req: Request): boolean {
  return req.acceptsEncodings("gzip") === "gzip";
}

/**
 * A whole page as it goes on the wire: gzipped in one synchronous call when the client
 * takes gzip and the page is over the threshold. One call on the whole buffer costs less
 * than half the CPU of a gzip stream fed the same bytes (no stream, no trip through
 * libuv's thread pool and back per chunk).
 */
export function encodePage(
  page: Buffer<ArrayBuffer>,
  gzip: boolean,
): { body: Buffer<ArrayBuffer>; encoding: "gzip" | null } {
  if (!gzip || page.length < PAGE_GZIP.threshold) return { body: page, encoding: null };
  // zlib's output is a plain Buffer, never over shared memory (what a Response body may not be)
  return { body: zlib.gzipSync(page, { level: PAGE_GZIP.level }) as Buffer<ArrayBuffer>, encoding: "gzip" };
}
