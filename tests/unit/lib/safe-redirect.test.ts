/**
 * The sign-in (and language switch) redirect target, as an attacker would shape it: every
 * road to another origin falls back; the portal's own paths come back as parsed.
 */
import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/lib/forms";

describe("safeRedirect", () => {
  it("keeps the portal's own paths, query and fragment", () => {
    expect(safeRedirect("/grants/calls?status=open#list")).toBe("/grants/calls?status=open#list");
    expect(safeRedirect("/protection/cases/0b0e7b8e-9f1c-4a7a-9d1e-2f9d8a0c1b2a")).toBe(
      "/protection/cases/0b0e7b8e-9f1c-4a7a-9d1e-2f9d8a0c1b2a",
    );
    // dot segments are resolved, and stay on the portal
    expect(safeRedirect("/a/../../home")).toBe("/home");
    // an encoded slash is a path character, not a new origin
    expect(safeRedirect("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });

  it("refuses every road to another origin", () => {
    for (const target of [
      "//evil.example",
      "///evil.example",
      "////evil.example/home",
      "/\\evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/ /evil.example\u0000",
      "https://evil.example",
      "http:/evil.example",
      "javascript:alert(1)",
      "evil.example",
      " /home",
      "",
      "/\u007f/evil.example",
      // no slashes after the scheme: a browser still leaves the portal
      "https:evil.example",
      "https:/\\evil.example",
      "JaVaScRiPt:alert(1)",
      "\tjavascript:alert(1)",
      "java\nscript:alert(1)",
      "/\tjavascript:alert(1)",
      // dot segments that resolve into "//host"
      "/.//evil.example",
      "/a/..//evil.example",
      "/%2e//evil.example",
      "/%2e%2e//evil.example/home?x=1",
      "/./\\evil.example",
    ]) {
      expect([target, safeRedirect(target)]).toEqual([target, "/home"]);
    }
  });

  it("falls back on anything that is not a string", () => {
    for (const value of [null, undefined, 42, ["/home"], { toString: () => "/home" }]) {
      expect(safeRedirect(value, "/")).toBe("/");
    }
  });
});
