/**
 * The server's half of `<KeptHtml>` (app/components/kept-html.tsx): what a loader returns
 * for a part of the page it rendered to HTML itself.
 */
import type { AppLoadContext } from "@remix-run/node";

/**
 * For a document request, `html` goes to the render through the request's context and the
 * loader's data carries null; for a data request (a navigation in the browser, or a caller
 * without that context) the data carries the HTML.
 */
export function keepHtml(context: Pick<AppLoadContext, "keptHtml">, id: string, html: string): string | null {
  if (!context.keptHtml) return html;
  context.keptHtml.set(id, html);
  return null;
}

/**
 * `html` as one flat string, for markup rendered once and kept across requests (the
 * footer, the dashboard's figures). React writes markup by appending piece to piece: the
 * result is a chain of thousands of pieces, and a page that embeds it (rendered to a
 * string, entry.server.tsx) would walk that chain again on every request to encode it
 * (docs/decisions/0212-pages-rendered-to-a-string.md). A copy decoded from its bytes is flat.
 */
export function flatHtml(html: string): string {
  return Buffer.from(html).toString();
}
