/**
 * The portal's `Link` (app/components/link.tsx, 0194): on the
 * server, a link to a plain absolute path is a plain `<a>` made without react-router's
 * hooks, and its markup must be what Remix's `Link` renders, byte for byte, or the
 * browser's hydration (which renders Remix's `Link`, and attaches its click handler for
 * client navigation) would not match it. Every other link is Remix's.
 */
import { createRequire } from "node:module";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as Remix from "@remix-run/react";
import { Link, NavLink, isPlainPath } from "~/components/link";

// the router Remix's Link reads its context from: the module @remix-run/react itself loads
const routerDom = createRequire(require.resolve("@remix-run/react"))("react-router-dom") as {
  MemoryRouter: ComponentType<{ initialEntries: string[]; children?: React.ReactNode }>;
};

function render(element: React.ReactElement) {
  return renderToString(createElement(routerDom.MemoryRouter, { initialEntries: ["/plans/7/steps/market"] }, element));
}

type Props = Parameters<typeof Link>[0];
const cases: Props[] = [
  { to: "/grants", children: "Apply" },
  { to: "/", children: "Home" },
  { to: "/plans/7?uploaded=1#files", className: "button", children: "Plan" },
  { to: "/plans/7/", children: "trailing slash" },
  { to: "/grants/calls/42/report.pdf", reloadDocument: true, children: "PDF" },
  { to: "/trainings", discover: "none", children: "no discovery" },
  { to: "/trainings", target: "_blank", rel: "noopener", "aria-label": "Trainings", children: "new tab" },
  { to: "/account", replace: true, state: { from: "home" }, preventScrollReset: true, children: "state" },
  { to: "/notifications", "data-testid": "bell", id: "n", children: "bell" } as Props,
];

describe("Link, on the server", () => {
  it.each(cases.map((props) => [String(props.to), props] as const))("renders %s as Remix's Link does", (_to, props) => {
    expect(render(createElement(Link, props))).toBe(render(createElement(Remix.Link, props)));
  });

  it("makes a plain <a> without react-router's hooks for a plain absolute path", () => {
    // outside any router: react-router's hooks would throw, as Remix's Link does
    expect(renderToString(createElement(Link, { to: "/grants", children: "Apply" }))).toBe(
      '<a data-discover="true" href="/grants">Apply</a>',
    );
    expect(() => renderToString(createElement(Remix.Link, { to: "/grants", children: "Apply" }))).toThrow(/Router/);
  });

  it("leaves relative paths, objects, full URLs, dot segments and prefetching links to Remix", () => {
    for (const to of [
      "notes",
      "..",
      "./edit",
      "/plans/../grants",
      "//evil.test/x",
      "https://example.org/",
      "/a//b",
      "/a?",
      "/a#",
      "/a b",
    ])
      expect(isPlainPath(to), to).toBe(false);
    expect(isPlainPath({ pathname: "/grants" })).toBe(false);
    for (const to of ["/", "/grants", "/plans/7?uploaded=1#files", "/cv/abc.pdf", "/plans/7/"])
      expect(isPlainPath(to), to).toBe(true);
    // a relative link is still resolved (against the route matches, none here), as Remix's is
    const relative = render(createElement(Link, { to: "../finance", children: "next" }));
    expect(relative).toBe(render(createElement(Remix.Link, { to: "../finance", children: "next" })));
    expect(relative).toContain('href="/finance"');
    const prefetching = render(createElement(Link, { to: "/grants", prefetch: "render", children: "x" }));
    expect(prefetching).toBe(render(createElement(Remix.Link, { to: "/grants", prefetch: "render", children: "x" })));
  });
});

describe("NavLink, on the server", () => {
  type NavProps = Parameters<typeof NavLink>[0];
  const navCases: [string, NavProps][] = [
    ["/plans/7/steps/market", { to: "/plans", children: "Plans" }],
    ["/plans", { to: "/plans", children: "Plans" }],
    ["/plans/", { to: "/plans", children: "Plans" }],
    ["/PLANS/7", { to: "/plans", children: "Plans" }],
    ["/PLANS/7", { to: "/plans", caseSensitive: true, children: "Plans" }],
    ["/plansx", { to: "/plans", children: "Plans" }],
    ["/plans/7", { to: "/plans", end: true, children: "Plans" }],
    ["/plans/7", { to: "/plans/", children: "Plans" }],
    ["/", { to: "/", children: "Home" }],
    ["/home", { to: "/", children: "Home" }],
    ["/home", { to: "/home", className: "tab", "aria-current": "location", children: "Home" }],
    ["/home", { to: "/grants", className: "tab", children: "Grants" }],
    ["/home", { to: "/home", className: ({ isActive }) => (isActive ? "on" : "off"), children: "Home" }],
    ["/home", { to: "/home", style: ({ isActive }) => ({ fontWeight: isActive ? 700 : 400 }), children: "Home" }],
    ["/home", { to: "/home", children: ({ isActive }) => (isActive ? "here" : "there") }],
    [
      "/home",
      { to: "/home", reloadDocument: true, target: "_self", "data-testid": "home", children: "Home" } as NavProps,
    ],
    ["/home", { to: "/home?tab=1", children: "query: Remix's" }],
    ["/home", { to: "/caf%C3%A9", children: "encoded: Remix's" }],
    ["/home", { to: "../grants", children: "relative: Remix's" }],
  ];
  it.each(navCases)("at %s renders %j as Remix's NavLink does", (at, props) => {
    const at_ = (element: React.ReactElement) =>
      renderToString(createElement(routerDom.MemoryRouter, { initialEntries: [at] }, element));
    expect(at_(createElement(NavLink, props))).toBe(at_(createElement(Remix.NavLink, props)));
  });
});
