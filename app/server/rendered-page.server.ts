/**
 * A page rendered whole by entry.server.tsx is a Buffer before it is a Response. Remix
 * hands that Response back unchanged, and app.server.ts sends the Buffer itself, where
 * Remix's Express adapter would read the Response's web stream back chunk by chunk into
 * the socket (a ReadableStream, a reader and its promises per page: issue 19).
 */
const KEY = Symbol.for("masar.renderedPages");
// one map per process, even where the routes' build and the server's code are two copies
// of this module (the integration tests load the server from source over build/)
const pages: WeakMap<Response, Buffer> = ((globalThis as { [KEY]?: WeakMap<Response, Buffer> })[KEY] ??= new WeakMap());

/** `response`, known to hold exactly `body` */
export function renderedPage(body: Buffer<ArrayBuffer>, init: ResponseInit): Response {
  const response = new Response(body, init);
  pages.set(response, body);
  return response;
}

/** The bytes of a response made by renderedPage, or null for any other */
export function bodyOfRenderedPage(response: Response): Buffer | null {
  return pages.get(response) ?? null;
}
