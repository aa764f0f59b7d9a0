import { describe, expect, it } from "vitest";
import { retryAfter } from "../../../app/lib/retry-after";

describe("retryAfter", () => {
  const now = new Date("2026-12-04T10:00:00Z");
  it("gives the whole seconds until the time, rounded up, and at least one", () => {
    expect(retryAfter(new Date(now.getTime() + 90_400), now)).toEqual({ "Retry-After": "91" });
    expect(retryAfter(new Date(now.getTime() - 5_000), now)).toEqual({ "Retry-After": "1" });
  });
  it("sends no header without a time", () => {
    expect(retryAfter(undefined, now)).toBeUndefined();
  });
});
