/**
 * @remix-run/router is patched (patches/@remix-run+router+1.23.3.patch, applied by
 * `npm ci`'s postinstall): matchRoutes flattens and ranks a route tree once per tree
 * shape, compiles each path pattern once, and keeps the matches of a pathname per tree
 * shape, instead of working them out on every call (the server matched the portal's
 * routes four times a request, on trees of the same shape). See
 * docs/decisions/0067-route-matching-cached.md. Both builds are checked: the server
 * runs the CommonJS one, the browser bundle the ES module.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Match = { route: Route; params: Record<string, string | undefined>; pathname: string };
type RouterModule = {
  matchRoutes(routes: Route[], location: string): Match[] | null;
  createRouter(init: object): {
    routes: Route[];
    initialize(): unknown;
    patchRoutes(routeId: string | null, children: Route[]): void;
    dispose(): void;
  };
  createMemoryHistory(options?: object): unknown;
};

const require = createRequire(import.meta.url);
const builds: [string, () => Promise<RouterModule>][] = [
  ["CommonJS (server)", async () => require("@remix-run/router") as RouterModule],
  ["ES module (browser)", async () => (await import("@remix-run/router/dist/router.js")) as unknown as RouterModule],
];

/** A tree shaped like the portal's: a root layout, static, dynamic, index and nested routes. */
function portalLikeTree(): Route[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "routes/_index", index: true },
        { id: "routes/login", path: "login" },
        { id: "routes/grants.calls.$callId", path: "grants/calls/:callId" },
        { id: "routes/grants.calls.new", path: "grants/calls/new" },
        {
          id: "routes/protection.cases.$caseId",
          path: "protection/cases/:caseId",
          children: [
            { id: "routes/protection.cases.$caseId._index", index: true },
            { id: "routes/protection.cases.$caseId.notes", path: "notes" },
          ],
        },
        { id: "routes/$", path: "*" },
      ],
    },
  ];
}

const leafId = (matches: Match[] | null) => matches?.[matches.length - 1]?.route.id ?? null;

describe.each(builds)("matchRoutes, patched, %s", (_name, load) => {
  it("ranks as before: a static segment before a dynamic one, the splat last, index routes", async () => {
    const { matchRoutes } = await load();
    const routes = portalLikeTree();
    for (let round = 0; round < 2; round++) {
      expect(leafId(matchRoutes(routes, "/grants/calls/new"))).toBe("routes/grants.calls.new");
      expect(leafId(matchRoutes(routes, "/grants/calls/42"))).toBe("routes/grants.calls.$callId");
      expect(leafId(matchRoutes(routes, "/protection/cases/7"))).toBe("routes/protection.cases.$caseId._index");
      expect(leafId(matchRoutes(routes, "/protection/cases/7/notes"))).toBe("routes/protection.cases.$caseId.notes");
      expect(leafId(matchRoutes(routes, "/"))).toBe("routes/_index");
      expect(leafId(matchRoutes(routes, "/nowhere/at/all"))).toBe("routes/$");
      expect(matchRoutes(routes, "/GRANTS/calls/42")?.at(-1)?.params).toEqual({ callId: "42" });
    }
  });

  it("does not flatten the same tree again (no route path is read on the second call)", async () => {
    const { matchRoutes } = await load();
    const routes = portalLikeTree();
    let reads = 0;
    const watch = (route: Route) => {
      const path = route.path;
      Object.defineProperty(route, "path", {
        get: () => {
          reads++;
          return path;
        },
      });
      route.children?.forEach(watch);
    };
    routes.forEach(watch);
    matchRoutes(routes, "/grants/calls/42");
    expect(reads).toBeGreaterThan(0);
    reads = 0;
    expect(leafId(matchRoutes(routes, "/protection/cases/7/notes"))).toBe("routes/protection.cases.$caseId.notes");
    expect(reads).toBe(0);
  });

  it("answers with the route objects of the tree it is given, when an equal tree was ranked before", async () => {
    const { matchRoutes } = await load();
    const first = portalLikeTree();
    const second = portalLikeTree();
    matchRoutes(first, "/grants/calls/42");
    const matches = matchRoutes(second, "/protection/cases/7/notes")!;
    expect(matches.map((m) => m.route)).toEqual([
      second[0],
      second[0]!.children![4],
      second[0]!.children![4]!.children![1],
    ]);
    expect(matches.every((m, i) => m.route !== matchRoutes(first, "/protection/cases/7/notes")![i]!.route)).toBe(true);
  });

  it("tells trees of another shape apart (a path changed, a route added)", async () => {
    const { matchRoutes } = await load();
    const routes = portalLikeTree();
    expect(leafId(matchRoutes(routes, "/grants/calls/new"))).toBe("routes/grants.calls.new");
    const changed = portalLikeTree();
    changed[0]!.children![3]!.path = "grants/calls/draft";
    expect(leafId(matchRoutes(changed, "/grants/calls/new"))).toBe("routes/grants.calls.$callId");
    const caseSensitive = portalLikeTree();
    caseSensitive[0]!.children![1]!.caseSensitive = true;
    expect(leafId(matchRoutes(caseSensitive, "/LOGIN"))).toBe("routes/$");
    expect(leafId(matchRoutes(routes, "/LOGIN"))).toBe("routes/login");
  });

  it("ranks a tree again after patchRoutes changed it in place (lazy route discovery)", async () => {
    const { createRouter, createMemoryHistory, matchRoutes } = await load();
    const router = createRouter({
      routes: [{ id: "root", path: "/", children: [{ id: "a", path: "a" }] }],
      history: createMemoryHistory(),
    });
    router.initialize();
    expect(leafId(matchRoutes(router.routes, "/b"))).toBeNull();
    router.patchRoutes("root", [{ id: "b", path: "b" }]);
    expect(leafId(matchRoutes(router.routes, "/b"))).toBe("b");
    router.dispose();
  });

  it("matches a pathname once per tree shape: no pattern is tested again, the answer is the same", async () => {
    const { matchRoutes } = await load();
    const first = portalLikeTree();
    const path = `/protection/cases/${"seen-once-" + _name.length}/notes`;
    const expected = matchRoutes(first, path)!;
    const regexpTest = RegExp.prototype.exec;
    let tests = 0;
    RegExp.prototype.exec = function (this: RegExp, input: string) {
      tests++;
      return regexpTest.call(this, input);
    };
    let again: Match[] | null;
    let other: Match[] | null;
    const second = portalLikeTree();
    try {
      again = matchRoutes(first, path);
      other = matchRoutes(second, path);
    } finally {
      RegExp.prototype.exec = regexpTest;
    }
    expect(tests).toBe(0);
    expect(again).toEqual(expected);
    // the other tree's own route objects, and a params object of its own
    expect(other!.map((m) => m.route)).toEqual([
      second[0],
      second[0]!.children![4],
      second[0]!.children![4]!.children![1],
    ]);
    expect(other![2]!.route).toBe(second[0]!.children![4]!.children![1]);
    expect(other![0]!.params).not.toBe(expected[0]!.params);
    expect(other!.every((m) => m.params === other![0]!.params)).toBe(true);
    expect(other!.map((m) => [m.pathname, (m as Match & { pathnameBase: string }).pathnameBase])).toEqual(
      expected.map((m) => [m.pathname, (m as Match & { pathnameBase: string }).pathnameBase]),
    );
    other![0]!.params.caseId = "changed by a caller";
    expect(matchRoutes(first, path)![2]!.params.caseId).toBe("seen-once-" + _name.length);
  });

  it("keeps the answer for a pathname that matches nothing, and tells encoded paths apart", async () => {
    const { matchRoutes } = await load();
    const routes = [{ id: "root", path: "/", children: [{ id: "a", path: "a/:x" }] }];
    expect(matchRoutes(routes, "/b")).toBeNull();
    expect(matchRoutes(routes, "/b")).toBeNull();
    expect(matchRoutes(routes, "/a/%C3%A9")?.at(-1)?.params).toEqual({ x: "é" });
    expect(matchRoutes(routes, "/a/e")?.at(-1)?.params).toEqual({ x: "e" });
    expect(matchRoutes(routes, "/a/%C3%A9")?.at(-1)?.params).toEqual({ x: "é" });
  });
});
