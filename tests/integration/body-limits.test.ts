/**
 * Request bodies are limited before they are read (issue 18): a form over 1 MB, or an
 * upload over its route's limit, gets 413 as soon as its headers arrive, without the
 * server waiting for (or buffering) the body; a body with no declared length gets 411;
 * nothing is written either way.
 */
import net from "node:net";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema";
import { MAX_ATTACHMENT_BYTES } from "../../db/schema/business-plans";
import { FORM_BODY_LIMIT } from "../../app/server/middleware.server";
import { MAX_IMPORT_BYTES } from "../../app/modules/imports/rules";
import { useTestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

/**
 * Send the request line and headers, and only `sendBytes` of the body; resolve with the
 * status line the server answers, or "no answer" after a second.
 */
function postHeadersOnly(path: string, headers: Record<string, string>, sendBytes = 0): Promise<string> {
  const { hostname, port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      const lines = [`POST ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, `Origin: ${app.url}`, "Accept-Language: fr"];
      for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
      socket.write(lines.join("\r\n") + "\r\n\r\n");
      if (sendBytes) socket.write(Buffer.alloc(sendBytes, "a"));
    });
    let answer = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(answer.split("\r\n")[0] || "no answer");
    }, 1000);
    socket.on("data", (d: Buffer) => {
      answer += d.toString("utf8");
      if (answer.includes("</html>")) {
        clearTimeout(timer);
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on("error", reject);
  });
}

describe("request body limits", () => {
  it("answers 413 to a 50 MB form at once, in the asker's language, and writes nothing", async () => {
    const before = await t.db.$count(users);
    const answer = await postHeadersOnly(
      "/signup",
      { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(50 * 1024 * 1024) },
      64 * 1024,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toContain("Envoi trop volumineux");
    expect(await t.db.$count(users)).toBe(before);
  });

  it("refuses a form just over 1 MB and lets one at the limit through to the page", async () => {
    const over = await postHeadersOnly("/login", {
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": String(FORM_BODY_LIMIT + 1),
    });
    expect(over).toMatch(/^HTTP\/1\.1 413/);
    // at the limit the body is read: with no body sent, no answer comes within the second
    const at = await postHeadersOnly("/login", {
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": String(FORM_BODY_LIMIT),
    });
    expect(at).toBe("no answer");
  });

  it("gives the plan page's attachments their own, larger limit", async () => {
    const path = "/plans/00000000-0000-4000-8000-000000000000";
    const headers = { "Content-Type": "multipart/form-data; boundary=x" };
    // within it, the route answers (an anonymous asker is sent to sign in), not the limit
    const within = await postHeadersOnly(path, { ...headers, "Content-Length": String(2 * MAX_ATTACHMENT_BYTES) });
    expect(within).not.toMatch(/^HTTP\/1\.1 41[13]/);
    const over = await postHeadersOnly(path, {
      ...headers,
      "Content-Length": String(3 * MAX_ATTACHMENT_BYTES + FORM_BODY_LIMIT + 1),
    });
    expect(over).toMatch(/^HTTP\/1\.1 413/);
    // the larger limit is the plan page's only
    const elsewhere = await postHeadersOnly("/profile", {
      ...headers,
      "Content-Length": String(2 * MAX_ATTACHMENT_BYTES),
    });
    expect(elsewhere).toMatch(/^HTTP\/1\.1 413/);
  });

  it("gives the list import its own limit: a file over 2 MB is answered in the page, a body past three times that at once", async () => {
    const headers = { "Content-Type": "multipart/form-data; boundary=x" };
    const within = await postHeadersOnly("/imports", { ...headers, "Content-Length": String(2 * MAX_IMPORT_BYTES) });
    expect(within).not.toMatch(/^HTTP\/1\.1 41[13]/);
    const over = await postHeadersOnly("/imports", {
      ...headers,
      "Content-Length": String(3 * MAX_IMPORT_BYTES + FORM_BODY_LIMIT + 1),
    });
    expect(over).toMatch(/^HTTP\/1\.1 413/);
    expect(await postHeadersOnly("/imports/x", { ...headers, "Content-Length": String(2 * MAX_IMPORT_BYTES) })).toMatch(
      /^HTTP\/1\.1 413/,
    );
  });

  it("answers 411 to a chunked body with no declared length", async () => {
    const answer = await postHeadersOnly("/login", {
      "Content-Type": "application/x-www-form-urlencoded",
      "Transfer-Encoding": "chunked",
    });
    expect(answer).toMatch(/^HTTP\/1\.1 411/);
  });

  it("a path that only starts like a webhook's and leads to a page: its chunked body gets 411, its cross-site post 403", async () => {
    for (const path of [
      "/webhooks/../login",
      "/webhooks/%2e%2e/login",
      "/webhooks/%2E%2E/signup",
      "/webhooks/.%2e/login",
    ]) {
      const answer = await postHeadersOnly(path, {
        "Content-Type": "application/x-www-form-urlencoded",
        "Transfer-Encoding": "chunked",
      });
      expect(answer, path).toMatch(/^HTTP\/1\.1 411/);
    }
    // nor does it skip the same-origin check that pages' forms get
    const login = { identifier: "nobody@example.org", password: "wrong password" };
    for (const path of ["/webhooks/../login", "/webhooks/%2e%2e/login"]) {
      const res = await fetch(app.url + path, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.test" },
        body: new URLSearchParams(login),
        redirect: "manual",
      });
      expect(res.status, path).toBe(403);
    }
  });

  it("a body in gzip is not inflated: a small post that would unpack to 50 MB changes nothing and is never a 5xx", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, "a"));
    const before = await t.db.$count(users);
    for (const path of ["/login", "/signup"]) {
      const res = await fetch(app.url + path, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Encoding": "gzip", Origin: app.url },
        body: bomb,
        redirect: "manual",
      });
      expect(res.status, path).toBeLessThan(500);
      await res.arrayBuffer();
    }
    expect(await t.db.$count(users)).toBe(before);
  });

  it("leaves ordinary forms alone", async () => {
    const res = await app.client().post("/login", { identifier: "nobody@example.org", password: "wrong password" });
    // a refused sign-in, answered by the page itself
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('name="password"');
  });
});
