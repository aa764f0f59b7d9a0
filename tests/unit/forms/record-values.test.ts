import { describe, expect, it } from "vitest";
import { recordValues, tickedValues } from "../../../app/lib/forms";

describe("a stored record as a correction form's values", () => {
  it("keeps text, writes numbers as text and null as empty", () => {
    expect(recordValues({ name: "Atlas", seats: 3, phone: null })).toEqual({ name: "Atlas", seats: "3", phone: "" });
  });

  it("gives a list as its ticked boxes, read back by tickedValues", () => {
    const values = recordValues({ languages: ["fr", "ar"], none: [] });
    expect(tickedValues(values, "languages")).toEqual(["fr", "ar"]);
    expect(tickedValues(values, "none")).toEqual([]);
  });
});
