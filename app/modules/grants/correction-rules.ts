/**
 * Correcting a call for proposals (issue 15): while it is a draft, everything; once it
 * opened, only what cannot hurt someone who already read it or applied: dates moved
 * later (the closing date while the call is open, and never into the past), the texts,
 * and the budget raised. Pure: no database, no clock of its own.
 * Why: docs/decisions/0109-call-correction.md.
 */
import type { MessageKey } from "~/i18n/translate";
import type { CallStatus } from "./constants";

/** The texts of a call, corrected at any status. */
export const CALL_TEXT_FIELDS = [
  "titleFr",
  "titleAr",
  "titleEn",
  "descriptionFr",
  "descriptionAr",
  "descriptionEn",
] as const;
/** The dates applicants plan around: a change is announced to them. */
export const CALL_DATE_FIELDS = ["opensAt", "closesAt", "reviewDeadline"] as const;

type Texts = Record<(typeof CALL_TEXT_FIELDS)[number], string>;
/** What an opened call may have corrected. */
export type OpenCallFields = Texts & { closesAt: Date; reviewDeadline: Date; budgetCentimes: number };

type Refusals = Partial<Record<"closesOn" | "reviewDeadlineOn" | "budget" | "form", MessageKey>>;

/**
 * Why a correction of an opened call is refused, field by field (empty: it may go on).
 * The closing date moves only while the call is open, later, and not into the past; the
 * review deadline only later, until the decisions; the budget only up, until the decisions.
 */
export function openCallRefusals(
  call: OpenCallFields & { status: CallStatus },
  next: OpenCallFields,
  now: Date,
): Refusals {
  const refusals: Refusals = {};
  if (call.status === "draft") return { form: "grants.errors.callChangedMeanwhile" };
  const decided = call.status === "decided";
  if (next.closesAt.getTime() !== call.closesAt.getTime()) {
    if (call.status !== "open") refusals.closesOn = "grants.errors.closingFixed";
    else if (next.closesAt < call.closesAt) refusals.closesOn = "grants.errors.onlyLater";
    else if (next.closesAt <= now) refusals.closesOn = "grants.errors.closeInPast";
  }
  if (next.reviewDeadline.getTime() !== call.reviewDeadline.getTime()) {
    if (decided) refusals.reviewDeadlineOn = "grants.errors.deadlineFixed";
    else if (next.reviewDeadline < call.reviewDeadline) refusals.reviewDeadlineOn = "grants.errors.onlyLater";
  }
  if (next.budgetCentimes !== call.budgetCentimes) {
    if (decided) refusals.budget = "grants.errors.budgetFixed";
    else if (next.budgetCentimes < call.budgetCentimes) refusals.budget = "grants.errors.budgetOnlyUp";
  }
  return refusals;
}

/** What applicants are told of a correction: a date moved, a text changed, or nothing (the budget is the committee's). */
export function announcedChange(fields: readonly string[]): "dates" | "texts" | null {
  if (fields.some((f) => (CALL_DATE_FIELDS as readonly string[]).includes(f))) return "dates";
  if (fields.some((f) => (CALL_TEXT_FIELDS as readonly string[]).includes(f))) return "texts";
  return null;
}
