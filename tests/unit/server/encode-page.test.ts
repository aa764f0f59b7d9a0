/**
 * A page's text is encoded to UTF-8 into a buffer the process keeps and grows
 * (`encodePage`, docs/decisions/0212-pages-rendered-to-a-string.md): each page must come out
 * as its own bytes exactly, whatever page was encoded before it, gzipped or not.
 */
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { encodePage, PAGE_GZIP } from "~/server/compression.server";

const arabic = "عائشة باري — « تسجيل الدخول » ’ é";

describe("encodePage", () => {
  it("gives each page its own UTF-8 bytes, a large two-byte page then a small one", () => {
    const large = `<p>${arabic}</p>`.repeat(5_000);
    const small = `<!DOCTYPE html><p>${arabic}</p>`;
    const latin = "<p>plain text</p>".repeat(200);
    for (const page of [large, small, latin, large, small]) {
      const gzipped = encodePage(page, true);
      const plain = encodePage(page, false);
      const expected = Buffer.from(page, "utf8");
      expect(plain.encoding).toBeNull();
      expect(plain.body.equals(expected)).toBe(true);
      if (expected.length < PAGE_GZIP.threshold) {
        expect(gzipped.encoding).toBeNull();
        expect(gzipped.body.equals(expected)).toBe(true);
      } else {
        expect(gzipped.encoding).toBe("gzip");
        expect(zlib.gunzipSync(gzipped.body).equals(expected)).toBe(true);
      }
    }
  });

  it("hands out bytes no later page overwrites", () => {
    const first = encodePage("<p>premier</p>", false).body;
    encodePage("<p>second, plus long, qui écrirait par-dessus</p>", false);
    expect(first.toString("utf8")).toBe("<p>premier</p>");
  });
});
