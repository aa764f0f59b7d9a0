import type { LoaderFunctionArgs } from "@remix-run/node";
import { LOCALES } from "~/i18n/config";
import { oneOfParam, parseQuery, query } from "~/lib/params.server";
import { dictionaries, dictionariesVersion } from "~/i18n/dictionaries.server";

/** The dictionary of one language, public, cached for good when asked for by its version. */
export async function loader(args: LoaderFunctionArgs) {
  const lng = oneOfParam(args, "lng", LOCALES);
  // any other version is answered (uncached), never refused: a page open across a deploy asks for the old one
  const version = parseQuery(args, { v: query.text(64) }).v;
  const cache = version === dictionariesVersion ? "public, max-age=31536000, immutable" : "no-cache";
  return new Response(JSON.stringify(dictionaries[lng]), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": cache },
  });
}
