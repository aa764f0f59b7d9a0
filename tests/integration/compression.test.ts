/**
 * Compression (decision 0076): fingerprinted assets come from the .gz the build wrote,
 * byte for byte, to clients that accept gzip, and plain to the others; pages are
 * gzipped on the fly above one TCP segment, small answers are not.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/app";
import { makePlan } from "../factories/business-plans";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const buildDir = path.resolve(import.meta.dirname, "../../public/build");

/** A raw GET: fetch() would undo the gzip and hide the headers' truth. */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

/** The largest asset of the build, as a URL path and its bytes. */
function largestAsset() {
  const files = fs
    .readdirSync(buildDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".js"))
    .map((e) => path.join(e.parentPath, e.name));
  const file = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
  return { urlPath: `/build/${path.relative(buildDir, file).split(path.sep).join("/")}`, bytes: fs.readFileSync(file) };
}

describe("compression", () => {
  it("serves an asset's precompressed file to a client that accepts gzip, and the plain file otherwise", async () => {
    const asset = largestAsset();
    expect(fs.existsSync(path.join(buildDir, asset.urlPath.slice("/build/".length)) + ".gz")).toBe(true);
    const gz = await get(app.url + asset.urlPath, { "Accept-Encoding": "gzip, deflate, br" });
    expect(gz.status).toBe(200);
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(gz.headers["cache-control"]).toContain("immutable");
    expect(gz.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gz.body.length).toBeLessThan(asset.bytes.length / 2);
    expect(zlib.gunzipSync(gz.body).equals(asset.bytes)).toBe(true);

    const plain = await get(app.url + asset.urlPath, { "Accept-Encoding": "identity" });
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(asset.bytes)).toBe(true);
  });

  it("answers 404 for a missing asset and never serves a file outside the build", async () => {
    expect((await get(`${app.url}/build/nope-123.js`, { "Accept-Encoding": "gzip" })).status).toBe(404);
    const escape = await get(`${app.url}/build/..%2F..%2Fpackage.json`, { "Accept-Encoding": "gzip" });
    expect(escape.status).not.toBe(200);
  });

  it("gzips a page above one TCP segment, not a small answer", async () => {
    const page = await get(`${app.url}/login`, { "Accept-Encoding": "gzip" });
    expect(page.status).toBe(200);
    expect(page.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(page.body).toString("utf8")).toContain("<html");
    // the page is gzipped whole (decision 0173-pages-gzipped-whole): its length is known
    expect(Number(page.headers["content-length"])).toBe(page.body.length);
    expect(page.headers.vary).toMatch(/Accept-Encoding/i);
    const small = await get(`${app.url}/favicon.svg`, { "Accept-Encoding": "gzip" });
    expect(small.status).toBe(200);
    expect(small.headers["content-encoding"]).toBeUndefined();
  });

  it("compresses a read that is not a page rendered whole: the stylesheet, resource routes, a data request", async () => {
    // the middleware waits for a read's answer (decision 0202): each
    // of these is still gzipped by it, with its Vary, and plain to a client without gzip
    const dictionary = await get(`${app.url}/locales/fr`);
    expect(dictionary.body.length).toBeGreaterThan(1400);
    for (const urlPath of ["/styles.css", "/locales/fr", "/login.data"]) {
      const gz = await get(app.url + urlPath, { "Accept-Encoding": "gzip" });
      expect(gz.status, urlPath).toBe(200);
      expect(gz.headers["content-encoding"], urlPath).toBe("gzip");
      expect(gz.headers.vary, urlPath).toMatch(/Accept-Encoding/i);
      const plain = await get(app.url + urlPath, { "Accept-Encoding": "identity" });
      expect(plain.headers["content-encoding"], urlPath).toBeUndefined();
      // the data carries the request's own nonce: the same answer, not the same bytes
      if (urlPath.endsWith(".data")) expect(zlib.gunzipSync(gz.body).toString("utf8")).toContain('"routes/login"');
      else expect(zlib.gunzipSync(gz.body).equals(plain.body), urlPath).toBe(true);
    }
  });

  it("leaves the health check's few bytes plain: it gives their length, under the threshold", async () => {
    const health = await get(`${app.url}/healthz`, { "Accept-Encoding": "gzip" });
    expect(health.status).toBe(200);
    expect(health.headers["content-encoding"]).toBeUndefined();
    expect(health.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(health.headers["content-length"])).toBe(health.body.length);
    expect(JSON.parse(health.body.toString("utf8"))).toEqual({ status: "ok", db: "ok" });
  });

  it("sends a page gzipped to a browser, and plain to a client that does not take gzip", async () => {
    const browser = await get(`${app.url}/login`, {
      "Accept-Encoding": "gzip, deflate, br, zstd",
      "Accept-Language": "ar",
    });
    expect(browser.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(browser.body).toString("utf8")).toContain('dir="rtl"');
    const refusals: Record<string, string>[] = [
      { "Accept-Encoding": "gzip;q=0, identity" },
      { "Accept-Encoding": "identity" },
      {},
    ];
    for (const headers of refusals) {
      const plain = await get(`${app.url}/login`, headers);
      expect(plain.status).toBe(200);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.toString("utf8")).toContain("<html");
      expect(Number(plain.headers["content-length"])).toBe(plain.body.length);
    }
  });

  it("sends a page's text whole, encoded once, with its loader data in one script and the stream's end", async () => {
    // rendered to a string, the loader data read whole first into Remix's stream cache
    // (docs/decisions/0212-pages-rendered-to-a-string.md), on a page that runs the app's
    // scripts (a plan's step: app/lib/hydration.ts); the Arabic page's own text, in UTF-8
    const { user, client } = await app.asNewUser({ role: "applicant" });
    const plan = await makePlan(t.db, user.id, {});
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const page = `${app.url}/plans/${plan.id}/financial`;
    const gz = await get(page, { "Accept-Encoding": "gzip", "Accept-Language": "ar", Cookie: cookie });
    const plain = await get(page, { "Accept-Language": "ar", Cookie: cookie });
    expect([gz.status, plain.status, gz.headers["content-encoding"]]).toEqual([200, 200, "gzip"]);
    for (const html of [zlib.gunzipSync(gz.body).toString("utf8"), plain.body.toString("utf8")]) {
      expect(html.startsWith('<!DOCTYPE html><html lang="ar" dir="rtl"')).toBe(true);
      expect(html.match(/<!DOCTYPE/g)).toHaveLength(1);
      // Arabic text encoded as UTF-8, not cut nor replaced
      expect(html).not.toContain("\uFFFD");
      expect(html).not.toContain("\u0000");
      expect(html).toContain("تسجيل الخروج");
      const enqueued = html.split("window.__remixContext.streamController.enqueue(");
      expect(enqueued).toHaveLength(2);
      const data = JSON.parse(JSON.parse(enqueued[1]!.slice(0, enqueued[1]!.indexOf(");</script>")))) as unknown[];
      expect(data).toContain("routes/plans.$planId.$step");
      expect(data).toContain("ar");
      expect(html.indexOf("streamController.close()")).toBeGreaterThan(html.indexOf("streamController.enqueue("));
      // the whole page, then (as Remix places it) the data after the document's end
      expect(html.indexOf("</body></html>")).toBeGreaterThan(0);
      expect(html.endsWith("streamController.close();</script><!--/$--><!--/$-->")).toBe(true);
    }
  });

  it("sends a page that runs no script whole, with neither the app's modules nor its data", async () => {
    // the sign-in page needs none of the app's scripts (app/lib/hydration.ts)
    const gz = await get(`${app.url}/login`, { "Accept-Encoding": "gzip", "Accept-Language": "ar" });
    const html = zlib.gunzipSync(gz.body).toString("utf8");
    expect(html.startsWith('<!DOCTYPE html><html lang="ar" dir="rtl"')).toBe(true);
    expect(html).toContain("تسجيل الدخول");
    expect(html.endsWith("</body></html>")).toBe(true);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("modulepreload");
    expect(html).not.toContain("__remixContext");
  });
});
