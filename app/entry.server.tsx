import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { KeptHtmlContext } from "~/components/kept-html";
import { FooterHtmlContext } from "~/components/site-footer";
import { footerHtml } from "~/components/site-footer.server";
import { dictionaries } from "~/i18n/dictionaries.server";
import { I18nProvider } from "~/i18n/i18n-context";
import { installOffsetTable } from "~/i18n/time-zone";
import { casablancaOffsetTable } from "~/i18n/time-zone.server";
import { encodePage } from "~/server/compression.server";
import { renderedPage } from "~/server/rendered-page.server";

// dates are formatted with the server's own time-zone data, in pages and in the
// browser that hydrates them (the table is rendered into every page by root's Layout)
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
 * Every page is rendered whole, then sent in one piece (issue 19): the loaders have run
 * before the render and no page defers data, so streaming the shell first sent nothing
 * sooner, while each streamed chunk cost a trip through the web stream, the gzip stream
 * (zlib's thread pool) and the socket. Bots and no-JavaScript users alike get the whole
 * page at once, as everyone now does.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // a render still waiting after the stream timeout is cut short (what is missing is rendered in the browser)
    const timer = setTimeout(() => abort(), streamTimeout + 1000);
    const { pipe, abort } = renderToPipeableStream(
      <I18nProvider locale={loadContext.locale} messages={dictionaries[loadContext.locale]}>
        <KeptHtmlContext.Provider value={loadContext.keptHtml}>
          <FooterHtmlContext.Provider value={footerHtml(loadContext.locale)}>
            <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
          </FooterHtmlContext.Provider>
        </KeptHtmlContext.Provider>
      </I18nProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          const chunks: Buffer[] = [];
          const page = new Writable({
            // no "close" after the end: React's pipe takes it for a client gone early and
            // aborts the finished render, which writes to the ended stream (two errors made per page)
            emitClose: false,
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              // the whole page, gzipped here in one call (the compression middleware then leaves it)
              const { body, encoding } = encodePage(Buffer.concat(chunks), loadContext.gzip);
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              if (encoding) responseHeaders.set("Content-Encoding", encoding);
              responseHeaders.append("Vary", "Accept-Encoding");
              responseHeaders.set("Content-Length", String(body.length));
              if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "no-store");
              clearTimeout(timer);
              resolve(renderedPage(body, { headers: responseHeaders, status: responseStatusCode }));
              done();
            },
          });
          pipe(page);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) loadContext.log.error({ err: error }, "render failed");
        },
      },
    );
  });
}
