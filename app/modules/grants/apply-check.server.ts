/**
 * What the applicant's grants page needs beyond the lists: who can apply to each open
 * call and whether this person meets each condition, and the "check your answers" step
 * of one call and plan before the application is sent.
 */
import type { Database } from "~db/client";
import type { grantCalls } from "~db/schema";
import { ageOn } from "~/lib/age";
import { moroccoToday } from "~/lib/morocco-time";
import { eligibilityConditions } from "./eligibility";
import { getApplicantFacts, type SubmittablePlan } from "./sources.server";

type Call = typeof grantCalls.$inferSelect;

export async function applyContext(db: Database, applicantId: string) {
  const facts = await getApplicantFacts(db, applicantId);
  return {
    facts,
    conditionsOf: (call: Call) => eligibilityConditions(call, facts),
  };
}

/** The facts of the profile the application will carry, as the check step shows them. */
export function factsShown(facts: Awaited<ReturnType<typeof getApplicantFacts>>, call: Call) {
  return {
    age: facts.dateOfBirth ? ageOn(facts.dateOfBirth, moroccoToday(call.closesAt)) : null,
    region: facts.region,
    isMigrant: facts.isMigrant,
  };
}

/** The plan as the check step shows it: what the committee will read first. */
export function planShown(plan: SubmittablePlan) {
  const summary = (plan.snapshot.summary ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    id: plan.id,
    title: plan.title,
    requestedCentimes: plan.requestedCentimes,
    sector: text(summary.sector),
    city: text(summary.city),
    pitch: text(summary.pitch),
  };
}
