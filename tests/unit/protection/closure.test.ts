import { describe, expect, it } from "vitest";
import { statusChangeRefusal } from "../../../app/modules/protection/rules";
import { CLOSURE_REASONS, REOPEN_REASONS } from "../../../app/modules/protection/constants";

describe("closing and reopening a case file", () => {
  it("offers the six reasons to close and three to reopen, none shared", () => {
    expect(CLOSURE_REASONS).toEqual([
      "services_completed",
      "moved",
      "returned_home",
      "lost_contact",
      "deceased",
      "transferred",
    ]);
    expect(REOPEN_REASONS.filter((r) => (CLOSURE_REASONS as readonly string[]).includes(r))).toEqual([]);
  });
  it("moves an open file to closed and a closed one to open, never to where it already is", () => {
    expect(statusChangeRefusal({ status: "open", anonymisedAt: null }, "closed")).toBeNull();
    expect(statusChangeRefusal({ status: "closed", anonymisedAt: null }, "open")).toBeNull();
    expect(statusChangeRefusal({ status: "closed", anonymisedAt: null }, "closed")).toBe("already");
    expect(statusChangeRefusal({ status: "open", anonymisedAt: null }, "open")).toBe("already");
  });
  it("never reopens an anonymised file", () => {
    expect(statusChangeRefusal({ status: "closed", anonymisedAt: new Date() }, "open")).toBe("anonymised");
  });
});
