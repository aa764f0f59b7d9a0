/**
 * @remix-run/react is patched (patches/@remix-run+react+2.17.5.patch, applied by
 * `npm ci`'s postinstall): the server's render builds the route tree of a build once,
 * not on every request, and keeps the JSON of the partial manifest each page inlines
 * (lazy route discovery) per matched routes and parent paths. See the decision record
 * "server render reuses the build's routes". Only the CommonJS build is patched: the
 * server runs it; the browser never calls either function on a server render's path.
 * react-router-dom is patched too (patches/react-router-dom+6.30.4.patch): the static
 * router of each render takes the data routes it made for that tree before.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

type ManifestRoute = {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
  hasLoader: boolean;
  hasAction: boolean;
  hasClientLoader: boolean;
  hasClientAction: boolean;
  hasErrorBoundary: boolean;
};
type ServerRoute = { id: string; path?: string; index?: boolean; children?: ServerRoute[] };
type Match = { route: { id: string } };
type DataRoute = ServerRoute & { hasErrorBoundary: boolean; children?: DataRoute[] };
type StaticRouter = { routes: DataRoute[]; state: { matches: { route: DataRoute; params: object }[] } };

const require = createRequire(import.meta.url);
const routes = require("@remix-run/react/dist/routes.js") as {
  createServerRoutes(
    manifest: Record<string, ManifestRoute>,
    modules: Record<string, object>,
    future: object,
    isSpaMode: boolean,
  ): ServerRoute[];
};
const fogOfWar = require("@remix-run/react/dist/fog-of-war.js") as {
  getPartialManifest(manifest: object, router: object): { routes: Record<string, ManifestRoute> };
  getPartialManifestJson(manifest: object, router: object): string;
};
const { matchRoutes } = require("@remix-run/router") as {
  matchRoutes(routes: ServerRoute[], path: string): Match[] | null;
};

function route(id: string, parentId: string | undefined, path?: string, index?: boolean): ManifestRoute {
  return {
    id,
    parentId,
    path,
    index,
    module: `/build/${id}.js`,
    hasLoader: true,
    hasAction: false,
    hasClientLoader: false,
    hasClientAction: false,
    hasErrorBoundary: false,
  };
}

function manifestRoutes(): Record<string, ManifestRoute> {
  const list = [
    route("root", undefined, ""),
    route("routes/_index", "root", undefined, true),
    route("routes/login", "root", "login"),
    route("routes/protection.cases.$caseId", "root", "protection/cases/:caseId"),
    route("routes/protection.cases.$caseId._index", "routes/protection.cases.$caseId", undefined, true),
    route("routes/protection.cases.$caseId.services.new", "routes/protection.cases.$caseId", "services/new"),
  ];
  return Object.fromEntries(list.map((r) => [r.id, r]));
}

const modulesOf = (manifest: Record<string, ManifestRoute>) =>
  Object.fromEntries(Object.keys(manifest).map((id) => [id, { default: () => null }]));

const shape = (tree: ServerRoute[]): unknown =>
  tree.map((r) => ({ id: r.id, path: r.path, index: r.index, children: r.children && shape(r.children) }));

describe("createServerRoutes (patched: once per build)", () => {
  it("builds the tree of the manifest, then gives the same tree while the modules are the same", () => {
    const manifest = manifestRoutes();
    const modules = modulesOf(manifest);
    const future = {};
    const first = routes.createServerRoutes(manifest, modules, future, false);
    expect(shape(first)).toEqual([
      {
        id: "root",
        path: "",
        children: [
          { id: "routes/_index", index: true },
          { id: "routes/login", path: "login" },
          {
            id: "routes/protection.cases.$caseId",
            path: "protection/cases/:caseId",
            children: [
              { id: "routes/protection.cases.$caseId._index", index: true },
              { id: "routes/protection.cases.$caseId.services.new", path: "services/new" },
            ],
          },
        ],
      },
    ]);
    // a new object holding the same modules, as the server runtime makes per request
    expect(routes.createServerRoutes(manifest, { ...modules }, future, false)).toBe(first);
  });

  it("builds anew when a module changed, the future flags or SPA mode differ, or another manifest comes", () => {
    const manifest = manifestRoutes();
    const modules = modulesOf(manifest);
    const future = {};
    const first = routes.createServerRoutes(manifest, modules, future, false);
    const changed = { ...modules, "routes/login": { default: () => "new" } };
    const second = routes.createServerRoutes(manifest, changed, future, false);
    expect(second).not.toBe(first);
    expect(shape(second)).toEqual(shape(first));
    expect(routes.createServerRoutes(manifest, changed, {}, false)).not.toBe(second);
    expect(routes.createServerRoutes(manifestRoutes(), changed, future, false)).not.toBe(second);
  });
});

describe("getPartialManifestJson (patched: kept per matches and parent paths)", () => {
  const manifest = { url: "/build/manifest.js", routes: manifestRoutes(), entry: { module: "/build/entry.js" } };
  const tree = routes.createServerRoutes(manifest.routes, modulesOf(manifest.routes), {}, false);
  const routerAt = (pathname: string) => ({
    routes: tree,
    basename: "/",
    state: { location: { pathname }, matches: matchRoutes(tree, pathname) ?? [] },
  });

  it("is the JSON upstream inlines, the index routes of the parents included", () => {
    for (const path of ["/", "/login", "/protection/cases/abc/services/new", "/protection/cases/abc"]) {
      const router = routerAt(path);
      expect(fogOfWar.getPartialManifestJson(manifest, router)).toBe(
        JSON.stringify(fogOfWar.getPartialManifest(manifest, router), null, 2),
      );
    }
    const deep = JSON.parse(fogOfWar.getPartialManifestJson(manifest, routerAt("/protection/cases/abc/services/new")));
    expect(Object.keys(deep.routes).sort()).toEqual([
      "root",
      "routes/_index",
      "routes/protection.cases.$caseId",
      "routes/protection.cases.$caseId._index",
      "routes/protection.cases.$caseId.services.new",
    ]);
  });

  it("answers from what it kept for the same matches and parent paths, and tells other paths apart", () => {
    const a = fogOfWar.getPartialManifestJson(manifest, routerAt("/protection/cases/abc/services/new"));
    expect(fogOfWar.getPartialManifestJson(manifest, routerAt("/protection/cases/abc/services/new"))).toBe(a);
    const login = fogOfWar.getPartialManifestJson(manifest, routerAt("/login"));
    expect(login).not.toBe(a);
    expect(Object.keys(JSON.parse(login).routes).sort()).toEqual(["root", "routes/_index", "routes/login"]);
  });
});

describe("createStaticRouter (patched: the data routes of a tree made once)", () => {
  const { createStaticRouter } = require("react-router-dom/server") as {
    createStaticRouter(routes: ServerRoute[], context: { matches: Match[] }): StaticRouter;
  };
  const manifest = manifestRoutes();
  const tree = routes.createServerRoutes(manifest, modulesOf(manifest), {}, false);
  const contextAt = (pathname: string) => ({ matches: matchRoutes(tree, pathname) ?? [] });

  it("gives the same data routes for the same tree, and each render its own matches on them", () => {
    const first = createStaticRouter(tree, contextAt("/protection/cases/abc/services/new"));
    const second = createStaticRouter(tree, contextAt("/login"));
    expect(second.routes).toBe(first.routes);
    expect(shape(first.routes)).toEqual(shape(tree));
    expect(first.state.matches.map((m) => m.route.id)).toEqual([
      "root",
      "routes/protection.cases.$caseId",
      "routes/protection.cases.$caseId.services.new",
    ]);
    expect(first.state.matches[2]!.route).toBe(first.routes[0]!.children![2]!.children![1]);
    expect(first.state.matches[2]!.params).toEqual({ caseId: "abc" });
    expect(second.state.matches.map((m) => m.route.id)).toEqual(["root", "routes/login"]);
    expect(second.state.matches[1]!.route).toBe(second.routes[0]!.children![1]);
  });

  it("makes new data routes for another tree (another build, or a changed module)", () => {
    const other = routes.createServerRoutes(manifestRoutes(), modulesOf(manifest), {}, false);
    expect(other).not.toBe(tree);
    const a = createStaticRouter(tree, contextAt("/login"));
    const b = createStaticRouter(other, { matches: matchRoutes(other, "/login") ?? [] });
    expect(b.routes).not.toBe(a.routes);
    expect(shape(b.routes)).toEqual(shape(a.routes));
  });
});
