import { describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import { idParam, oneOfParam, parseQuery, query, queryFlag, textParam } from "../../../app/lib/params.server";

const ID = "3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6f";
const args = (search: string, locale: "fr" | "ar" | "en" = "fr") => ({
  params: {},
  request: new Request(`http://x/page${search}`),
  context: { locale } as AppLoadContext,
});

async function thrown(fn: () => unknown): Promise<{ status: number; body: string }> {
  try {
    fn();
  } catch (error) {
    if (error instanceof Response) return { status: error.status, body: await error.text() };
    throw error;
  }
  throw new Error("did not throw");
}

describe("path parameters", () => {
  it("an id that is not a uuid is a 404", async () => {
    expect(idParam({ params: { callId: ID } }, "callId")).toBe(ID);
    // the same id in capitals is the same id, given back as the database writes it
    expect(idParam({ params: { callId: ID.toUpperCase() } }, "callId")).toBe(ID);
    for (const bad of [undefined, "", "x", "------------------------------------", `${ID}x`, "1 or 1=1"])
      expect((await thrown(() => idParam({ params: { callId: bad } }, "callId"))).status).toBe(404);
  });
  it("a segment outside its list is a 404", async () => {
    expect(oneOfParam({ params: { step: "market" } }, "step", ["summary", "market"] as const)).toBe("market");
    expect((await thrown(() => oneOfParam({ params: { step: "toString" } }, "step", ["market"]))).status).toBe(404);
    expect(textParam({ params: { code: "AB12" } }, "code", 40)).toBe("AB12");
    expect((await thrown(() => textParam({ params: { code: "A".repeat(41) } }, "code", 40))).status).toBe(404);
  });
});

describe("query strings", () => {
  const shape = {
    from: query.date(),
    page: query.int(1, 1000),
    role: query.oneOf(["admin", "coach"] as const),
    org: query.id(),
    q: query.text(10),
  };
  it("reads what it names, blank as absent, ignores the rest", () => {
    expect(parseQuery(args(`?from=2026-02-28&page=3&role=coach&org=${ID}&q=%20Rabat%20&utm=x`), shape)).toEqual({
      from: "2026-02-28",
      page: 3,
      role: "coach",
      org: ID,
      q: "Rabat",
    });
    expect(parseQuery(args("?from=&role=&page=%20"), shape)).toEqual({});
    expect(parseQuery(args("?page=1&page=7"), shape)).toEqual({ page: 7 });
  });
  it("a malformed value is a 400 naming the parameter, in the visitor's language", async () => {
    const cases: [string, string][] = [
      ["?from=2026-02-31", "errors.query.date"],
      ["?from=0000-01-01", "errors.query.date"],
      ["?from=2026-99-01", "errors.query.date"],
      ["?from=31/12/2026", "errors.query.date"],
      ["?page=abc", "errors.query.number"],
      ["?page=0", "errors.query.number"],
      ["?page=1e3", "errors.query.number"],
      ["?page=99999999999999999999", "errors.query.number"],
      ["?role=root", "errors.query.choice"],
      ["?org=not-a-uuid", "errors.query.invalid"],
      ["?q=12345678901", "errors.query.tooLong"],
      ["?q=a%00b", "errors.query.invalid"],
    ];
    for (const [search, key] of cases) {
      const { status, body } = await thrown(() => parseQuery(args(search), shape));
      expect(status, search).toBe(400);
      expect(JSON.parse(body), search).toMatchObject({ key, field: search.slice(1).split("=")[0] });
    }
    const fr = JSON.parse((await thrown(() => parseQuery(args("?from=2026-02-31", "fr"), shape))).body);
    const ar = JSON.parse((await thrown(() => parseQuery(args("?from=2026-02-31", "ar"), shape))).body);
    const en = JSON.parse((await thrown(() => parseQuery(args("?from=2026-02-31", "en"), shape))).body);
    expect(fr.message).toContain("date réelle");
    expect(ar.message).toContain("تاريخ");
    expect(en.message).toBe("In the address, “from” is not a real date (YYYY-MM-DD).");
  });
  it("shapes written inline read alike however often, each field with its own arguments", async () => {
    // query.* keeps one schema per kind and arguments, parseQuery one object per shape:
    // a kept schema must never answer for other bounds, choices or names
    for (let round = 0; round < 3; round++) {
      expect(parseQuery(args("?n=6"), { n: query.int(1, 6) })).toEqual({ n: 6 });
      expect((await thrown(() => parseQuery(args("?n=6"), { n: query.int(1, 5) }))).status).toBe(400);
      expect((await thrown(() => parseQuery(args("?n=6"), { n: query.int(7, 9) }))).status).toBe(400);
      expect(parseQuery(args("?s=b"), { s: query.oneOf(["a", "b"]) })).toEqual({ s: "b" });
      expect((await thrown(() => parseQuery(args("?s=b"), { s: query.oneOf(["a", "bc"]) }))).status).toBe(400);
      expect((await thrown(() => parseQuery(args("?s=b"), { s: query.oneOf(["ab"]) }))).status).toBe(400);
      expect(parseQuery(args("?q=abc"), { q: query.text(3) })).toEqual({ q: "abc" });
      expect((await thrown(() => parseQuery(args("?q=abc"), { q: query.text(2) }))).status).toBe(400);
      // the same fields under other names read other parameters
      expect(parseQuery(args("?a=2&b=3"), { a: query.int(1, 6) })).toEqual({ a: 2 });
      expect(parseQuery(args("?a=2&b=3"), { b: query.int(1, 6) })).toEqual({ b: 3 });
      const result = parseQuery(args("?a=2"), { a: query.int(1, 6) });
      result.a = 5;
      expect(parseQuery(args("?a=2"), { a: query.int(1, 6) })).toEqual({ a: 2 });
    }
  });
  it("a flag is there or not", () => {
    expect(queryFlag(args("?saved"), "saved")).toBe(true);
    expect(queryFlag(args("?saved="), "saved")).toBe(true);
    expect(queryFlag(args("?other=1"), "saved")).toBe(false);
  });
});
