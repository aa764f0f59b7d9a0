/**
 * The entry of the Remix server build (remix.config.js `server`), so build/index.js is
 * the usual server build (routes, entry, assets) and also holds the portal's process:
 * the routes and the server share one copy of the schema, the dictionaries and the
 * i18n state. app/server/start.js runs it.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as build from "@remix-run/dev/server-build";
import { main } from "./main";

export * from "@remix-run/dev/server-build";

/** build/index.js lives in <checkout>/build */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function start() {
  return main(build, root);
}
