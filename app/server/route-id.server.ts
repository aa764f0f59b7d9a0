import type { ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";

type RouteObject = Parameters<typeof matchRoutes>[0][number];
type BuildRoute = NonNullable<ServerBuild["routes"][string]>;

/**
 * The id of the route a URL reaches (`routes/grants.calls.$callId`), for the request
 * log: it names the page without the ids in its path. Single-fetch data requests
 * (`/grants.data`, `/_root.data`) are named after the page they load.
 */
export function routeIdMatcher(build: ServerBuild): (pathname: string) => string | null {
  const children = new Map<string | undefined, BuildRoute[]>();
  for (const route of Object.values(build.routes)) {
    if (route) children.set(route.parentId, [...(children.get(route.parentId) ?? []), route]);
  }
  const node = (route: BuildRoute): RouteObject =>
    route.index
      ? { id: route.id, path: route.path, index: true, caseSensitive: route.caseSensitive }
      : {
          id: route.id,
          path: route.path,
          caseSensitive: route.caseSensitive,
          children: children.get(route.id)?.map(node),
        };
  const tree = (children.get(undefined) ?? []).map(node);
  return (pathname) => {
    const page = pathname === "/_root.data" ? "/" : pathname.replace(/\.data$/, "");
    const matches = matchRoutes(tree, page);
    return matches?.[matches.length - 1]?.route.id ?? null;
  };
}
