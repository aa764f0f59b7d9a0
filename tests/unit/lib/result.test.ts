import { describe, expect, it } from "vitest";
import { fail, throttled } from "../../../app/lib/result";
import { refuseDuplicate } from "../../../app/lib/result.server";

/** What postgres.js throws for a unique violation, wrapped as drizzle wraps it. */
function uniqueViolation(constraint: string) {
  return Object.assign(new Error("query failed"), {
    cause: Object.assign(new Error("duplicate key"), { code: "23505", constraint_name: constraint }),
  });
}

describe("refuseDuplicate", () => {
  const taken = fail(409, { name: "errors.organisation.taken" });

  it("answers the write's own result when nothing is refused", async () => {
    expect(await refuseDuplicate(async () => ({ ok: true as const, id: "x" }), taken)).toEqual({ ok: true, id: "x" });
  });

  it("answers the failure when the named constraint (or any, unnamed) refuses the write", async () => {
    const write = () => Promise.reject(uniqueViolation("organisations_name_key"));
    expect(await refuseDuplicate(write, taken, "organisations_name_key")).toBe(taken);
    expect(await refuseDuplicate(write, taken, ["other_key", "organisations_name_key"])).toBe(taken);
    expect(await refuseDuplicate(write, taken)).toBe(taken);
  });

  it("lets another constraint's refusal and any other error through", async () => {
    await expect(
      refuseDuplicate(() => Promise.reject(uniqueViolation("users_email_key")), taken, "users_phone_key"),
    ).rejects.toThrow("query failed");
    await expect(refuseDuplicate(() => Promise.reject(new Error("boom")), taken)).rejects.toThrow("boom");
  });
});

describe("throttled", () => {
  it("is a 429 that says when to try again", () => {
    const at = new Date("2026-12-04T10:00:00Z");
    expect(throttled(at, { form: "errors.login.throttled" })).toEqual({
      ok: false,
      status: 429,
      errors: { form: "errors.login.throttled" },
      retryAt: at,
    });
  });
});
