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
 * A page's UTF-8 bytes are written here first, then gzipped (or copied) out of it: one
 * buffer for the process, grown to the largest page, never handed out (everything
 * between the encoding and the copy is synchronous).
 */
let scratch = new Uint8Array(64 * 1024);
const utf8 = new TextEncoder();

/**
 * A whole page as it goes on the wire: its text encoded to UTF-8, then gzipped in one
 * synchronous call when the client takes gzip and the page is over the threshold. One
 * call on the whole buffer costs less than half the CPU of a gzip stream fed the same
 * bytes (no stream, no trip through libuv's thread pool and back per chunk).
 *
 * The text is encoded with `encodeInto` into a buffer kept for it: a page with a single
 * character past Latin-1 (a "’", any Arabic) is one two-byte string, which `Buffer.from`
 * encodes at about a third of that speed (docs/decisions/0212-pages-rendered-to-a-string.md).
 */
export function encodePage(page: string, gzip: boolean): { body: Buffer<ArrayBuffer>; encoding: "gzip" | null } {
  // three bytes at most per UTF-16 unit
  if (scratch.length < page.length * 3) scratch = new Uint8Array(page.length * 3);
  const { written } = utf8.encodeInto(page, scratch);
  const bytes = scratch.subarray(0, written);
  if (!gzip || written < PAGE_GZIP.threshold) return { body: Buffer.from(bytes), encoding: null };
  // zlib's output is a plain Buffer, never over shared memory (what a Response body may not be)
  return { body: zlib.gzipSync(bytes, { level: PAGE_GZIP.level }) as Buffer<ArrayBuffer>, encoding: "gzip" };
}
