import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n/config";
import { dictionaries, dictionariesVersion } from "~/i18n/dictionaries.server";

/** The dictionary of one language, public, cached for good when asked for by its version. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const lng = params.lng;
  if (!isLocale(lng)) throw new Response("Not Found", { status: 404 });
  const version = new URL(request.url).searchParams.get("v");
  const cache = version === dictionariesVersion ? "public, max-age=31536000, immutable" : "no-cache";
  return new Response(JSON.stringify(dictionaries[lng]), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": cache },
  });
}
