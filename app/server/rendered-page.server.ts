/**
 * A page rendered whole by entry.server.tsx is a Buffer before it is a Response. Remix
 * hands that Response back unchanged, and app.server.ts sends the Buffer itself (the
 * Response carries no body: only app.server.ts sends pages), where Remix's Express
 * adapter would read the Response's web stream back chunk by chunk into the socket (a
 * ReadableStream, a reader and its promises per page: issue 19).
 */
const KEY = Symbol.for("masar.renderedPages");
// one map per process, even where the routes' build and the server's code are two copies
// of this module (the integration tests load the server from source over build/)
const pages: WeakMap<Response, Buffer> = ((globalThis as { [KEY]?: WeakMap<Response, Buffer> })[KEY] ??= new WeakMap());

/**
 * A Response for `body` whose bytes only app.server.ts reads, from this map: made without
 * a body, as a Response given bytes makes a web stream of them at once (2% of the
 * applicant's home's CPU in a profile), which nothing would read.
 */
export function renderedPage(body: Buffer<ArrayBuffer>, init: ResponseInit): Response {
  const response = new Response(null, init);
  pages.set(response, body);
  return response;
}

/** The bytes of a response made by renderedPage, or null for any other */
export function bodyOfRenderedPage(response: Response): Buffer | null {
  return pages.get(response) ?? null;
}
