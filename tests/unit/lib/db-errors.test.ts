import { describe, expect, it } from "vitest";
import { isUniqueViolation, sqlState } from "../../../db/errors";

// the shapes postgres.js and drizzle throw: a PostgresError, wrapped in a DrizzleQueryError
const pgError = (code: string, constraint_name?: string) =>
  Object.assign(new Error("duplicate key value"), { code, constraint_name });
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: insert ..."), { cause });

describe("isUniqueViolation", () => {
  it("finds SQLSTATE 23505 on the error or along its cause chain", () => {
    expect(isUniqueViolation(pgError("23505", "users_phone_key"))).toBe(true);
    expect(isUniqueViolation(wrapped(pgError("23505", "users_phone_key")))).toBe(true);
    expect(isUniqueViolation(wrapped(wrapped(pgError("23505"))))).toBe(true);
  });
  it("with a constraint name, only for that constraint (or one of those)", () => {
    const error = wrapped(pgError("23505", "users_phone_key"));
    expect(isUniqueViolation(error, "users_phone_key")).toBe(true);
    expect(isUniqueViolation(error, "users_email_key")).toBe(false);
    expect(isUniqueViolation(error, ["users_email_key", "users_phone_key"])).toBe(true);
    expect(isUniqueViolation(pgError("23505"), "users_phone_key")).toBe(false);
  });
  it("is false for other errors: another SQLSTATE, a node error code, nothing at all", () => {
    expect(isUniqueViolation(wrapped(pgError("23503", "x_fkey")))).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error("reset"), { code: "ECONNRESET" }))).toBe(false);
    expect(isUniqueViolation(new Error("plain"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation("23505")).toBe(false);
  });
  it("does not loop on a cause cycle", () => {
    const a: { code?: string; cause?: unknown } = {};
    a.cause = a;
    expect(isUniqueViolation(a)).toBe(false);
    expect(sqlState(wrapped(pgError("40001")))).toBe("40001");
  });
});
