/**
 * A part of a page that the server rendered to HTML once and keeps (the dashboard's
 * report, decision 0181-dashboard-html-kept-with-the-report). It is sent once per page:
 *
 * - a document request: the loader hands the HTML to the render through the request's
 *   context (`keepHtml`, kept-html.server.ts), not in its data, so the page does not
 *   carry it twice (once in the markup, once in the data the browser hydrates from);
 * - hydration: the browser takes it from the page itself (React does not compare
 *   `dangerouslySetInnerHTML` when hydrating, and leaves the server's nodes in place);
 * - a navigation in the browser (a data request): the loader's data carries it.
 */
import { createContext, useContext, useState } from "react";
import { ON_SERVER } from "~/lib/hydration";

/** The HTML the loaders of a document request rendered, by element id (entry.server.tsx provides it). */
export const KeptHtmlContext = createContext<ReadonlyMap<string, string> | null>(null);

export function KeptHtml({ id, html }: { id: string; html: string | null }) {
  const rendered = useContext(KeptHtmlContext);
  // read once, when hydrating a document whose loader sent no HTML in its data
  const [inPage] = useState(() =>
    html === null && !rendered && !ON_SERVER ? (document.getElementById(id)?.innerHTML ?? "") : "",
  );
  return <div id={id} dangerouslySetInnerHTML={{ __html: html ?? rendered?.get(id) ?? inPage }} />;
}
