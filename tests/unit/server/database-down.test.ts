import { describe, expect, it } from "vitest";
import { databaseDownCode, isDatabaseDown } from "../../../db/errors";

const coded = (code: string) => Object.assign(new Error("driver error"), { code });
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1"), { cause });

describe("isDatabaseDown", () => {
  it("recognises a refused or lost connection and a server shutting down, wrapped or not", () => {
    expect(isDatabaseDown(coded("ECONNREFUSED"))).toBe(true);
    expect(databaseDownCode(wrapped(coded("CONNECTION_CLOSED")))).toBe("CONNECTION_CLOSED");
    expect(databaseDownCode(wrapped(wrapped(coded("57P01"))))).toBe("57P01");
  });
  it("is false for errors of the query itself", () => {
    expect(isDatabaseDown(wrapped(coded("23505")))).toBe(false);
    expect(isDatabaseDown(wrapped(coded("42P01")))).toBe(false);
    expect(isDatabaseDown(new Error("ECONNREFUSED in a message only"))).toBe(false);
    expect(isDatabaseDown(null)).toBe(false);
  });
});
