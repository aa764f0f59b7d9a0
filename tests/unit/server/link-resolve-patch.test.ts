/**
 * react-router is patched (patches/react-router+6.30.4.patch, applied by `npm ci`'s
 * postinstall): `useResolvedPath`, which every Link and NavLink calls, wrote the route
 * matches' paths as JSON (and read them back) on every render, to resolve a relative
 * path against them; an absolute path ("/grants", every link of the header) resolves to
 * itself, so it now skips them (issue 19). Relative paths resolve as before. Both
 * builds are checked: the server renders with the UMD production one, the browser
 * bundle takes the ES module.
 */
import { createRequire } from "node:module";
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";

type Path = { pathname: string; search: string; hash: string };
type RouterModule = {
  useResolvedPath(to: string): Path;
  MemoryRouter(props: { initialEntries: string[]; children?: ReactNode }): ReactNode;
  Routes(props: { children?: ReactNode }): ReactNode;
  Route(props: { path: string; element?: ReactNode; children?: ReactNode }): ReactNode;
};

const require = createRequire(import.meta.url);
const builds: [string, () => Promise<RouterModule>][] = [
  [
    "UMD production (server)",
    async () => require("react-router/dist/umd/react-router.production.min.js") as RouterModule,
  ],
  ["ES module (browser)", async () => (await import("react-router/dist/index.js")) as unknown as RouterModule],
];

/** Each of `paths` resolved by useResolvedPath in a route nested two deep, at /grants/calls/42/edit. */
function resolveAll(rr: RouterModule, paths: string[]): Path[] {
  const seen: Path[] = [];
  function Probe() {
    for (const to of paths) seen.push(rr.useResolvedPath(to));
    return null;
  }
  renderToString(
    createElement(
      rr.MemoryRouter,
      { initialEntries: ["/grants/calls/42/edit"] },
      createElement(
        rr.Routes,
        null,
        createElement(
          rr.Route,
          { path: "grants/calls/:callId" },
          createElement(rr.Route, { path: "edit", element: createElement(Probe) }),
        ),
      ),
    ),
  );
  return seen;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(builds)("useResolvedPath, patched, %s", (_name, load) => {
  it("resolves absolute and relative paths as before", async () => {
    const rr = await load();
    const [absolute, withQuery, parent, child] = resolveAll(rr, ["/grants", "/plans/7?uploaded#files", "..", "notes"]);
    expect(absolute).toEqual({ pathname: "/grants", search: "", hash: "" });
    expect(withQuery).toEqual({ pathname: "/plans/7", search: "?uploaded", hash: "#files" });
    expect(parent!.pathname).toBe("/grants/calls/42");
    expect(child!.pathname).toBe("/grants/calls/42/edit/notes");
  });

  it("writes the matches' paths as JSON only for a relative path", async () => {
    const rr = await load();
    const stringify = vi.spyOn(JSON, "stringify");
    const matchesWritten = () => stringify.mock.calls.filter(([value]) => Array.isArray(value)).length;
    resolveAll(rr, ["/grants", "/home", "/plans"]);
    expect(matchesWritten()).toBe(0);
    resolveAll(rr, ["notes"]);
    expect(matchesWritten()).toBe(1);
  });
});
