/**
 * The security headers (app/server/middleware.server.ts): the policy with its nonce, and
 * nonces cut from a pool of random bytes that never hand out the same bytes twice, across
 * the pool's refills (decision 0203).
 */
import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { cspNonce, securityHeaders } from "~/server/middleware.server";

/** The headers and locals securityHeaders sets on a response */
function run(secureCookies: boolean) {
  const headers = new Map<string, string>();
  const res = {
    locals: {} as Record<string, unknown>,
    setHeader(name: string, value: string) {
      headers.set(name.toLowerCase(), value);
      return res;
    },
  };
  let nexted = false;
  securityHeaders(secureCookies)({} as Request, res as unknown as Response, (() => (nexted = true)) as NextFunction);
  return { headers, nonce: res.locals.cspNonce as string, nexted };
}

describe("security headers", () => {
  it("send the policy with the request's nonce, and the other headers", () => {
    const { headers, nonce, nexted } = run(false);
    expect(nexted).toBe(true);
    expect(headers.get("content-security-policy")).toBe(
      `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; img-src 'self' data: blob:; ` +
        "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
    );
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(headers.get("permissions-policy")).toBe("camera=(), microphone=(), geolocation=()");
    expect(headers.has("strict-transport-security")).toBe(false);
    expect(run(true).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("give every response a nonce of its own: 16 random bytes, never the same, across the pool's refills", () => {
    const nonces = Array.from({ length: 2_000 }, () => cspNonce());
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    // no byte pattern repeats from one nonce to the next either (a pool read twice would)
    const bytes = nonces.map((n) => Buffer.from(n, "base64").toString("hex"));
    expect(new Set(bytes.map((b) => b.slice(0, 8))).size).toBeGreaterThan(nonces.length - 5);
    expect(run(false).nonce).not.toBe(run(false).nonce);
  });
});
