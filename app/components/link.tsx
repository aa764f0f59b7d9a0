/**
 * The portal's `Link` (0194): Remix's `Link`, except that the
 * server renders a link to a plain absolute path ("/grants", "/plans/7?uploaded#files")
 * as the `<a>` Remix's would make, without its hooks. Remix's `Link` wraps
 * react-router-dom's, and each resolves the same path again (`useHref`,
 * `useResolvedPath`, the click handler's own): about 5% of a signed-in page's CPU on the
 * server, for markup that is the path as written. In the browser it is Remix's `Link`
 * whatever the path: hydration attaches its click handler to the server's `<a>`, and
 * client navigation, `data-discover` (lazy route discovery), prefetching and the rest
 * work as before. Relative paths, objects, full URLs and links that prefetch are Remix's
 * everywhere. tests/unit/server/link.test.ts compares the markup with Remix's.
 */
import {
  Link as RemixLink,
  NavLink as RemixNavLink,
  useLocation,
  type LinkProps,
  type NavLinkProps,
} from "@remix-run/react";
import { forwardRef } from "react";
import { ON_SERVER } from "~/lib/hydration";

/**
 * A path react-router writes back unchanged: one "/" first, no "//" nor "." or ".."
 * segment, no bare "?" or "#" (which it drops), no white space.
 */
const PLAIN_PATH = /^\/[^?#\s]*(?:\?[^#\s]+)?(?:#\S+)?$/;

export function isPlainPath(to: LinkProps["to"]): to is string {
  if (typeof to !== "string" || !PLAIN_PATH.test(to)) return false;
  const pathname = to.replace(/[?#].*$/s, "");
  return !pathname.includes("//") && !/\/\.{1,2}(?=\/|$)/.test(pathname);
}

/**
 * What the server's `<a>` for a plain path keeps of a link's props: react-router-dom's
 * Link takes the others for itself (and Remix's `prefetch` and `discover`); the click
 * handlers are the browser's, from the same props at hydration. Each component places
 * the parts where Remix's puts them: the markup is compared byte for byte.
 */
function anchorParts<P extends Omit<LinkProps, "to"> & { to: string }>(props: P) {
  const {
    to,
    prefetch: _prefetch,
    discover = "render",
    onClick: _onClick,
    relative: _relative,
    reloadDocument,
    replace: _replace,
    state: _state,
    target,
    preventScrollReset: _preventScrollReset,
    viewTransition: _viewTransition,
    ...rest
  } = props;
  return { rest, href: to, target, discover: discover === "render" && !reloadDocument ? "true" : undefined };
}

export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(props, ref) {
  if (!ON_SERVER || !isPlainPath(props.to) || (props.prefetch ?? "none") !== "none") {
    return <RemixLink {...props} ref={ref} />;
  }
  const { rest, href, target, discover } = anchorParts(props as LinkProps & { to: string });
  return (
    // its children come with the rest of the props, as react-router-dom's Link passes them
    // eslint-disable-next-line jsx-a11y/anchor-has-content
    <a {...rest} ref={ref} data-discover={discover} href={href} target={target} />
  );
});
Link.displayName = "Link";

/**
 * Whether a NavLink to the plain path `to` is active at `pathname`, as react-router decides:
 * the same path, or (unless `end`) a path below it.
 */
export function navLinkActive(
  to: string,
  pathname: string,
  { caseSensitive = false, end = false }: { caseSensitive?: boolean; end?: boolean } = {},
): boolean {
  const here = caseSensitive ? pathname : pathname.toLowerCase();
  const path = caseSensitive ? to : to.toLowerCase();
  const endSlash = path !== "/" && path.endsWith("/") ? path.length - 1 : path.length;
  return here === path || (!end && here.startsWith(path) && here.charAt(endSlash) === "/");
}

/** A path whose URL encoding is itself, as react-router's NavLink compares it with the location. */
const ENCODED_PATH = /^\/[A-Za-z0-9\-._~/]*$/;

/**
 * The portal's `NavLink`: Remix's, except that the server renders a link to a plain path
 * (no query, no style) as the `<a>` Remix's would make, active when the location is that path or
 * below it, as react-router decides (no navigation is ever pending on the server). The
 * header's links, on every page.
 */
export const NavLink = forwardRef<HTMLAnchorElement, NavLinkProps>(function NavLink(props, ref) {
  const location = useLocation();
  if (
    !ON_SERVER ||
    typeof props.to !== "string" ||
    !ENCODED_PATH.test(props.to) ||
    !isPlainPath(props.to) ||
    (props.prefetch ?? "none") !== "none" ||
    props.viewTransition ||
    // the portal sets no inline style (its CSP allows none): a link with one is Remix's
    props.style !== undefined
  ) {
    return <RemixNavLink {...props} ref={ref} />;
  }
  const {
    "aria-current": ariaCurrentProp = "page",
    caseSensitive = false,
    className: classNameProp = "",
    end = false,
    style: _style,
    children,
    ...linkProps
  } = props;
  const { rest, href: to, target, discover } = anchorParts({ ...linkProps, to: props.to });
  const isActive = navLinkActive(to, location.pathname, { caseSensitive, end });
  const state = { isActive, isPending: false, isTransitioning: false };
  const className =
    typeof classNameProp === "function"
      ? classNameProp(state)
      : [classNameProp, isActive ? "active" : null].filter(Boolean).join(" ");
  return (
    <a
      {...rest}
      data-discover={discover}
      aria-current={isActive ? ariaCurrentProp : undefined}
      className={className}
      ref={ref}
      href={to}
      target={target}
    >
      {typeof children === "function" ? children(state) : children}
    </a>
  );
});
NavLink.displayName = "NavLink";
