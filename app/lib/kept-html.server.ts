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
