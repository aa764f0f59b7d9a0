import { describe, expect, it } from "vitest";
import { changedFields } from "~/lib/changes";

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
