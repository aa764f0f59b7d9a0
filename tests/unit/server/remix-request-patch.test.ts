/**
 * @remix-run/server-runtime is patched (patches/@remix-run+server-runtime+2.17.5.patch,
 * applied by `npm ci`'s postinstall): a loader or action is given the request itself
 * when its URL holds none of the params Remix strips (`index`, `_routes`, `_data`),
 * instead of a copy made for each loader (two web Requests per loader per page: issue
 * 19). With one of those params, the copy without it is made as before.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

type LoaderArgs = { request: Request; params: object; context: object };
const require = createRequire(import.meta.url);
const data = require("@remix-run/server-runtime/dist/data.js") as {
  callRouteLoader(options: {
    loadContext: object;
    loader: (args: LoaderArgs) => unknown;
    params: object;
    request: Request;
    routeId: string;
    singleFetch: boolean;
  }): Promise<unknown>;
};

async function seenByLoader(request: Request, singleFetch = true): Promise<Request> {
  let seen: Request | null = null;
  await data.callRouteLoader({
    loadContext: {},
    params: {},
    request,
    routeId: "routes/x",
    singleFetch,
    loader: ({ request }) => {
      seen = request;
      return {};
    },
  });
  return seen!;
}

describe("the server runtime's request patch", () => {
  it("gives a loader the request itself when there is nothing to strip", async () => {
    const request = new Request("http://portal.test/plans/p1?step=summary", { headers: { "accept-language": "ar" } });
    expect(await seenByLoader(request)).toBe(request);
    const older = new Request("http://portal.test/home");
    expect(await seenByLoader(older, false)).toBe(older);
  });

  it("still strips Remix's own params, into a copy with the same method, headers and signal", async () => {
    const controller = new AbortController();
    const request = new Request("http://portal.test/plans?index&step=2&_routes=routes%2Fplans", {
      headers: { cookie: "a=b" },
      signal: controller.signal,
    });
    const seen = await seenByLoader(request);
    expect(seen).not.toBe(request);
    expect(seen.url).toBe("http://portal.test/plans?step=2");
    expect(seen.headers.get("cookie")).toBe("a=b");
    controller.abort();
    expect(seen.signal.aborted).toBe(true);
    // a non-empty index value is kept, as upstream does
    expect((await seenByLoader(new Request("http://portal.test/x?index=1"))).url).toBe("http://portal.test/x?index=1");
    expect((await seenByLoader(new Request("http://portal.test/x?_data=root"), false)).url).toBe(
      "http://portal.test/x",
    );
  });
});
