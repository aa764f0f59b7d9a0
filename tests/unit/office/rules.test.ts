import { describe, expect, it } from "vitest";
import {
  canonicalLoginId,
  formatLoginId,
  LOGIN_ID_ALPHABET,
  loginIdFrom,
  parseIdentifier,
} from "../../../app/modules/auth/rules";
import { mayActFor, staleReceiptFlags, type PersonReach } from "../../../app/modules/office/rules";

describe("the slip's sign-in identifier", () => {
  it("has none of the characters people misread", () => {
    for (const char of "0O1IL2Z5S6G8BQ") expect(LOGIN_ID_ALPHABET).not.toContain(char);
  });

  it("is drawn from the alphabet, printed in two groups, read back however it is typed", () => {
    const id = loginIdFrom([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(id).toBe("ACDEFHJK");
    expect(formatLoginId(id)).toBe("ACDE-FHJK");
    expect(canonicalLoginId(" acde fhjk ")).toBe("ACDEFHJK");
    expect(canonicalLoginId("ACDE-FHJK")).toBe("ACDEFHJK");
    expect(canonicalLoginId("ACDE-FHJ0")).toBeNull();
    expect(canonicalLoginId("ACDEFHJ")).toBeNull();
  });

  it("is told apart from phones and e-mails in the sign-in box", () => {
    expect(parseIdentifier("0612345678")).toEqual({ kind: "phone", value: "+212612345678" });
    expect(parseIdentifier("a@b.ma")).toEqual({ kind: "email", value: "a@b.ma" });
    expect(parseIdentifier("dema-7nap")).toEqual({ kind: "login", value: "DEMA7NAP" });
    expect(parseIdentifier("hello")).toBeNull();
  });
});

describe("who may act for whom", () => {
  const person = (p: Partial<PersonReach> = {}): PersonReach => ({
    role: "applicant",
    isActive: true,
    registeredById: "staff-1",
    registeredForOrganisationId: "assoc-a",
    followedByStaff: false,
    linkedToStaffCase: false,
    ...p,
  });
  const caseWorker = (organisationId: string | null) => ({ id: "cw", role: "case_worker", organisationId });
  const coach = (id: string) => ({ id, role: "coach", organisationId: "programme" });

  it("case workers: the people their association registered", () => {
    expect(mayActFor(caseWorker("assoc-a"), "p", person())).toBe(true);
    expect(mayActFor(caseWorker("assoc-b"), "p", person())).toBe(false);
    // an account waiting for its supervisor has no association in its session
    expect(mayActFor(caseWorker(null), "p", person({ registeredForOrganisationId: null }))).toBe(false);
  });

  it("case workers: also the people whose account a case file of their association is linked to", () => {
    const walkIn = person({ registeredById: null, registeredForOrganisationId: null });
    expect(mayActFor(caseWorker("assoc-a"), "p", walkIn)).toBe(false);
    expect(mayActFor(caseWorker("assoc-a"), "p", { ...walkIn, linkedToStaffCase: true })).toBe(true);
    expect(mayActFor(caseWorker(null), "p", { ...walkIn, linkedToStaffCase: true })).toBe(false);
    // a link is a protection fact: it never gives a coach anything
    expect(mayActFor(coach("staff-2"), "p", { ...walkIn, linkedToStaffCase: true })).toBe(false);
  });

  it("coaches: the people they registered and those they follow", () => {
    expect(mayActFor(coach("staff-1"), "p", person())).toBe(true);
    expect(mayActFor(coach("staff-2"), "p", person())).toBe(false);
    expect(mayActFor(coach("staff-2"), "p", person({ followedByStaff: true }))).toBe(true);
  });

  it("nobody acts for staff, a closed account, themselves, or a person who does not exist", () => {
    expect(mayActFor(caseWorker("assoc-a"), "p", person({ role: "coach" }))).toBe(false);
    expect(mayActFor(caseWorker("assoc-a"), "p", person({ isActive: false }))).toBe(false);
    expect(mayActFor(coach("p"), "p", person({ registeredById: "p" }))).toBe(false);
    expect(mayActFor(caseWorker("assoc-a"), "p", null)).toBe(false);
    expect(mayActFor({ id: "a", role: "admin", organisationId: "assoc-a" }, "p", person())).toBe(false);
  });
});

describe("staleReceiptFlags (decision 0142)", () => {
  const now = { receivedOn: "2026-12-05", how: "in_person" };

  it("flags the day or how where the receipt now says other than what is sent, with what it holds", () => {
    expect(staleReceiptFlags(now, { receivedOn: "2026-12-06", how: "phone" })).toEqual({
      errors: {
        form: "office.errors.receiptStale",
        receivedOn: "office.errors.receiptChangedOnFile",
        how: "office.errors.receiptChangedOnFile",
      },
      onFile: { receivedOn: "2026-12-05", how: "in_person" },
    });
    // sent as the receipt now holds it: only the message
    expect(staleReceiptFlags(now, { receivedOn: "2026-12-05", how: "in_person" })).toEqual({
      errors: { form: "office.errors.receiptStale" },
      onFile: {},
    });
  });

  it("flags nothing for an undo (it sends neither)", () => {
    expect(staleReceiptFlags(now, {})).toEqual({ errors: { form: "office.errors.receiptStale" }, onFile: {} });
  });
});
