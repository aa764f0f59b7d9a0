import { describe, expect, it } from "vitest";
import { changedFields, staleRefusal } from "~/lib/changes";

describe("changedFields", () => {
  const stored = {
    name: "Ramadan 2027",
    startsOn: "2027-02-10",
    perHousehold: false,
    vulnerability: null as string | null,
  };

  it("names only the fields whose value differs, and gives only those to write", () => {
    const { fields, changes } = changedFields(stored, {
      name: "Ramadan 2027",
      startsOn: "2027-02-12",
      perHousehold: true,
      vulnerability: null,
    });
    expect(fields).toEqual(["startsOn", "perHousehold"]);
    expect(changes).toEqual({ startsOn: "2027-02-12", perHousehold: true });
  });

  it("leaves out what the correction does not mention, and tells null from a value", () => {
    expect(changedFields(stored, { name: "Ramadan 2027" }).fields).toEqual([]);
    expect(changedFields(stored, { vulnerability: "disability" }).fields).toEqual(["vulnerability"]);
    const withVulnerability: typeof stored = { ...stored, vulnerability: "disability" };
    expect(changedFields(withVulnerability, { vulnerability: null }).fields).toEqual(["vulnerability"]);
  });

  it("compares dates and arrays by value", () => {
    const a = { at: new Date("2027-01-01T10:00:00Z"), tags: ["a", "b"] };
    expect(changedFields(a, { at: new Date("2027-01-01T10:00:00Z"), tags: ["a", "b"] }).fields).toEqual([]);
    expect(changedFields(a, { tags: ["b", "a"] }).fields).toEqual(["tags"]);
  });
});

describe("staleRefusal", () => {
  // any form's own keys: the rule is the same for every correction form (decisions 0158, 0162)
  const messages = { form: "office.errors.receiptStale", field: "office.errors.receiptChangedOnFile" } as const;

  it("flags, with the form's keys, each field the record now holds otherwise, and says what it holds", () => {
    const refused = staleRefusal(
      { receivedOn: "2026-12-05", how: "in_person", notes: "" },
      { receivedOn: "2026-12-06", how: " in_person ", notes: "" },
      messages,
    );
    expect(refused).toEqual({
      errors: { form: "office.errors.receiptStale", receivedOn: "office.errors.receiptChangedOnFile" },
      onFile: { receivedOn: "2026-12-05" },
    });
  });

  it("uses only the keys it is given: another form's refusal carries its own", () => {
    const refused = staleRefusal(
      { city: "tanger" },
      { city: "rabat" },
      {
        form: "protection.correct.stale",
        field: "protection.correct.changedOnFile",
      },
    );
    expect(refused.errors).toEqual({ form: "protection.correct.stale", city: "protection.correct.changedOnFile" });
  });

  it("compares ticked boxes as a set and shows an emptied field as empty", () => {
    const refused = staleRefusal(
      { "services[]": "legal\nshelter", provider: "" },
      { "services[]": "shelter\nlegal", provider: "Clinique" },
      messages,
    );
    expect(refused.onFile).toEqual({ provider: "" });
    expect(Object.keys(refused.errors)).toEqual(["form", "provider"]);
  });

  it("with nothing sent to compare, says only the form's message", () => {
    expect(staleRefusal({}, {}, messages)).toEqual({ errors: { form: "office.errors.receiptStale" }, onFile: {} });
  });
});
