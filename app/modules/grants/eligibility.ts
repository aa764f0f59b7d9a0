/**
 * Who can apply to a call, condition by condition, and whether one person meets each:
 * what the call page and the check before sending show (issue 13). Each condition is
 * judged by the one eligibility rule (`checkEligibility`), restricted to it.
 */
import { checkEligibility, type ApplicantFacts, type EligibilityRules } from "./rules";

export type Condition =
  | { kind: "everyone"; met: true }
  | { kind: "migrants"; met: boolean }
  | { kind: "young_moroccans"; met: boolean }
  | { kind: "age"; min: number | null; max: number | null; met: boolean }
  | { kind: "regions"; regions: string[]; met: boolean }
  | { kind: "training"; training: string; met: boolean };

const NONE: Omit<EligibilityRules, "closesAt"> = {
  audience: "both",
  minAge: null,
  maxAge: null,
  regions: [],
  requiredTrainings: [],
};

/** The call's conditions in plain order (who, age, where, trainings), each met or not by `facts`. */
export function eligibilityConditions(rules: EligibilityRules, facts: ApplicantFacts): Condition[] {
  const meets = (only: Partial<EligibilityRules>) =>
    checkEligibility({ ...NONE, closesAt: rules.closesAt, ...only }, facts).eligible;
  const out: Condition[] = [];
  if (rules.audience !== "both") {
    const met = meets({ audience: rules.audience });
    out.push(rules.audience === "migrants" ? { kind: "migrants", met } : { kind: "young_moroccans", met });
  }
  if (rules.minAge !== null || rules.maxAge !== null)
    out.push({
      kind: "age",
      min: rules.minAge,
      max: rules.maxAge,
      met: meets({ minAge: rules.minAge, maxAge: rules.maxAge }),
    });
  if (rules.regions.length)
    out.push({ kind: "regions", regions: rules.regions, met: meets({ regions: rules.regions }) });
  for (const training of rules.requiredTrainings)
    out.push({ kind: "training", training, met: meets({ requiredTrainings: [training] }) });
  return out.length ? out : [{ kind: "everyone", met: true }];
}
