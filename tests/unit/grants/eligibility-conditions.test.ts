import { describe, expect, it } from "vitest";
import { eligibilityConditions } from "../../../app/modules/grants/eligibility";
import type { ApplicantFacts, EligibilityRules } from "../../../app/modules/grants/rules";

const closesAt = new Date("2027-06-30T22:59:59Z");
const facts: ApplicantFacts = {
  dateOfBirth: "2000-05-01",
  region: "rabat_sale_kenitra",
  isMigrant: true,
  sex: "female",
  completedTrainings: ["entrepreneurship_orientation"],
};

describe("who can apply, condition by condition", () => {
  it("says each condition of a call and whether this person meets it", () => {
    const rules: EligibilityRules = {
      audience: "migrants",
      minAge: 18,
      maxAge: 25,
      regions: ["rabat_sale_kenitra", "oriental"],
      requiredTrainings: ["entrepreneurship_orientation", "digital_skills"],
      closesAt,
    };
    // 27 on the closing day: too old
    expect(eligibilityConditions(rules, facts)).toEqual([
      { kind: "migrants", met: true },
      { kind: "age", min: 18, max: 25, met: false },
      { kind: "regions", regions: ["rabat_sale_kenitra", "oriental"], met: true },
      { kind: "training", training: "entrepreneurship_orientation", met: true },
      { kind: "training", training: "digital_skills", met: false },
    ]);
  });
  it("says when anyone may apply", () => {
    const rules: EligibilityRules = {
      audience: "both",
      minAge: null,
      maxAge: null,
      regions: [],
      requiredTrainings: [],
      closesAt,
    };
    expect(eligibilityConditions(rules, facts)).toEqual([{ kind: "everyone", met: true }]);
  });
  it("counts a missing birth date or region as not met, not as met", () => {
    const rules: EligibilityRules = {
      audience: "young_moroccans",
      minAge: 18,
      maxAge: null,
      regions: ["oriental"],
      requiredTrainings: [],
      closesAt,
    };
    const unknown = { ...facts, dateOfBirth: null, region: null, isMigrant: null };
    expect(eligibilityConditions(rules, unknown).map((c) => c.met)).toEqual([false, false, false]);
  });
});
