import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { KeptHtmlContext } from "~/components/kept-html";
import { FooterHtmlContext } from "~/components/site-footer";
import { footerHtml } from "~/components/site-footer.server";
import { dictionaries } from "~/i18n/dictionaries.server";
import { I18nProvider } from "~/i18n/i18n-context";
import { installOffsetTable } from "~/i18n/time-zone";
import { casablancaOffsetTable } from "~/i18n/time-zone.server";
import { encodePage } from "~/server/compression.server";
import { RETRY_AFTER_SECONDS } from "~/server/database-down.server";
import { renderedPage } from "~/server/rendered-page.server";
import { pageHydrates } from "~/lib/hydration";

// dates are formatted with the server's own time-zone data, in pages and in the
// browser that hydrates them (root's Layout renders the table into every page that runs
// the app's scripts, app/lib/hydration.ts)
installOffsetTable(casablancaOffsetTable());

export const streamTimeout = 5_000;

/**
 * Pages and data carry personal information: never stored by a browser or a proxy.
 * Resource routes that are safe to cache (dictionaries) set their own header.
 */
export function handleDataRequest(response: Response) {
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  return response;
}

/**
 * Log what went wrong on the server, but not the 404s of people typing addresses,
 * through the request's log (which keeps query text and parameters out).
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  context.log.error({ err: error }, "loader or action failed");
};

/**
 * The loader data Remix hands to the page (single fetch: a turbo-stream that `<Scripts>`'
 * `StreamTransfer` writes into the document chunk by chunk, suspending on each read),
 * read whole before the render and left where `StreamTransfer` looks first
 * (`renderMeta.streamCache`, part of Remix's `EntryContext`): the render then never
 * suspends, and the data goes into the page as one script. No page defers data
 * (docs/decisions/0120-pages-rendered-whole.md), so the stream is complete in a few
 * microtasks; a loader's promise would be awaited here as the streamed render awaited it.
 */
async function readHandoff(context: EntryContext): Promise<void> {
  const stream = context.serverHandoffStream;
  if (!stream) return;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let value = "";
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    value += decoder.decode(chunk.value, { stream: true });
  }
  value += decoder.decode();
  // RemixServer takes its own reader of the stream (never read: every chunk is in the cache)
  reader.releaseLock();
  const read = (result: { done: boolean; value: string }) => Object.assign(Promise.resolve(), { result });
  context.renderMeta = {
    ...context.renderMeta,
    streamCache: { 0: read({ done: false, value }), 1: read({ done: true, value: "" }) },
  };
}

/**
 * Every page is rendered whole, to a string, then sent in one piece (issue 19,
 * docs/decisions/0212-pages-rendered-to-a-string.md): the loaders have run before the
 * render and no page defers data, so streaming sent nothing sooner, while React's stream
 * renderer encodes each piece of markup to bytes as it goes (three to four times the CPU
 * of the string renderer for the same elements). Bots and no-JavaScript users alike get
 * the whole page at once, as everyone does.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // a page without scripts (app/lib/hydration.ts) carries no data for the browser: Remix's
  // encoding of it is never made (patches/@remix-run+server-runtime, a lazy handoff)
  if (pageHydrates(remixContext.staticHandlerContext.matches.map((m) => remixContext.routeModules[m.route.id]?.handle)))
    await readHandoff(remixContext);
  else remixContext.serverHandoffStream = undefined;
  // a render error throws here: Remix renders the route's error boundary in its place
  const html = renderToString(
    <I18nProvider locale={loadContext.locale} messages={dictionaries[loadContext.locale]}>
      <KeptHtmlContext.Provider value={loadContext.keptHtml}>
        <FooterHtmlContext.Provider value={footerHtml(loadContext.locale)}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </FooterHtmlContext.Provider>
      </KeptHtmlContext.Provider>
    </I18nProvider>,
  );
  // the whole page, gzipped here in one call (the compression middleware then leaves it)
  const { body, encoding } = encodePage(`<!DOCTYPE html>${html}`, loadContext.gzip);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  if (encoding) responseHeaders.set("Content-Encoding", encoding);
  responseHeaders.append("Vary", "Accept-Encoding");
  responseHeaders.set("Content-Length", String(body.length));
  if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "no-store");
  // a loader's "database away" (503) or "took too long" (504, decision 0209) page: Remix
  // renders the error boundary without the thrown answer's headers, so its Retry-After
  // is set again here (the only document answers with those statuses)
  if ((responseStatusCode === 503 || responseStatusCode === 504) && !responseHeaders.has("Retry-After")) {
    responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
  }
  return renderedPage(body, { headers: responseHeaders, status: responseStatusCode });
}
