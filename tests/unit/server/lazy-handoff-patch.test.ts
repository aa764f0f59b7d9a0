/**
 * @remix-run/server-runtime is patched (patches/@remix-run+server-runtime+2.17.5.patch):
 * a document's data is encoded for the browser (single fetch's turbo-stream, with its
 * timer) only when something reads `serverHandoffStream`, and a page sent without the
 * app's scripts sets it to undefined before (app/entry.server.tsx, app/lib/hydration.ts)
 * and never pays for it. Here over Remix's own request handler, with a build of one route.
 */
import { createRequire } from "node:module";
import { createRequestHandler, type EntryContext, type ServerBuild } from "@remix-run/server-runtime";
import { afterEach, describe, expect, it } from "vitest";

const runtimeRequire = createRequire(createRequire(import.meta.url).resolve("@remix-run/server-runtime"));
const turboStream = runtimeRequire("turbo-stream") as { encode: (...args: unknown[]) => ReadableStream };
const encode = turboStream.encode;
let encoded = 0;
turboStream.encode = (...args: unknown[]) => {
  encoded += 1;
  return encode(...args);
};
afterEach(() => {
  encoded = 0;
});

/** A build of one page whose entry does `render` with the context Remix hands it. */
function build(render: (context: EntryContext) => Promise<string>): ServerBuild {
  const route = { id: "root", path: "", hasLoader: true, hasAction: false, hasErrorBoundary: false };
  return {
    mode: "production",
    basename: undefined,
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    isSpaMode: false,
    future: { v3_singleFetch: true } as ServerBuild["future"],
    entry: {
      module: {
        default: async (_request: Request, status: number, headers: Headers, context: EntryContext) =>
          new Response(await render(context), { status, headers }),
      },
    },
    routes: {
      root: {
        id: "root",
        parentId: undefined,
        path: "",
        index: undefined,
        caseSensitive: undefined,
        module: { default: () => null, loader: () => ({ greeting: "مرحبا" }) },
      },
    },
    assets: {
      url: "/build/manifest.js",
      version: "1",
      entry: { module: "/build/entry.js", imports: [] },
      routes: { root: { ...route, module: "/build/root.js", hasClientAction: false, hasClientLoader: false } },
    },
  } as unknown as ServerBuild;
}

const page = (render: (context: EntryContext) => Promise<string>) =>
  createRequestHandler(build(render), "production")(new Request("http://masar.test/"));

describe("the page's data for the browser, made when read", () => {
  it("is never encoded for a page that sets it aside before reading it", async () => {
    const response = await page(async (context) => {
      context.serverHandoffStream = undefined;
      return String(context.serverHandoffStream);
    });
    expect(await response.text()).toBe("undefined");
    expect(encoded).toBe(0);
  });

  it("is encoded once, whole, for a page that reads it", async () => {
    const response = await page(async (context) => {
      const first = context.serverHandoffStream;
      expect(context.serverHandoffStream).toBe(first);
      return await new Response(first!).text();
    });
    const text = await response.text();
    expect(text).toContain("greeting");
    expect(text).toContain("مرحبا");
    expect(encoded).toBe(1);
  });
});
