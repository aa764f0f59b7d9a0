/**
 * Pure rules of a case's services: the status machines of each kind (hospital referrals,
 * AVRR, legal help, the simple ones) and which services are still in progress. No
 * database, no Remix. Re-exported by rules.ts.
 */
import { SERVICE_KINDS } from "./constants";

export const HOSPITAL_STATUSES = ["requested", "appointment_set", "attended", "not_attended", "closed"] as const;
export type HospitalStatus = (typeof HOSPITAL_STATUSES)[number];
const HOSPITAL_NEXT: Record<HospitalStatus, readonly HospitalStatus[]> = {
  requested: ["appointment_set", "not_attended", "closed"],
  appointment_set: ["attended", "not_attended"],
  attended: ["closed"],
  not_attended: ["appointment_set", "closed"],
  closed: [],
};

export const AVRR_STAGES = [
  "request",
  "counselling",
  "travel_documents",
  "fit_to_travel",
  "departure",
  "arrival",
  "reintegration_plan",
  "monitoring",
  "withdrawn",
] as const;
export type AvrrStage = (typeof AVRR_STAGES)[number];

export const LEGAL_STATUSES = ["open", "in_progress", "closed"] as const;
export const SIMPLE_STATUSES = ["planned", "done", "cancelled"] as const;

/** The statuses a service may move to from the one it has. */
export function nextStatuses(kind: string, status: string): readonly string[] {
  if (kind === "hospital_referral") return HOSPITAL_NEXT[status as HospitalStatus] ?? [];
  if (kind === "avrr") {
    const i = AVRR_STAGES.indexOf(status as AvrrStage);
    if (i < 0 || status === "withdrawn" || status === "monitoring") return [];
    const departed = i >= AVRR_STAGES.indexOf("departure");
    const next = AVRR_STAGES[i + 1];
    // withdrawal is possible at any stage before departure
    return departed ? (next ? [next] : []) : next === "departure" ? ["departure", "withdrawn"] : [next!, "withdrawn"];
  }
  if (kind === "legal") return status === "closed" ? [] : LEGAL_STATUSES.filter((s) => s !== status);
  return status === "planned" ? ["done", "cancelled"] : [];
}

export function initialStatus(kind: string): string {
  if (kind === "hospital_referral") return "requested";
  if (kind === "avrr") return "request";
  if (kind === "legal") return "open";
  return "done";
}

export function statusesOf(kind: string): readonly string[] {
  if (kind === "hospital_referral") return HOSPITAL_STATUSES;
  if (kind === "avrr") return AVRR_STAGES;
  if (kind === "legal") return LEGAL_STATUSES;
  return SIMPLE_STATUSES;
}

/**
 * A service is in progress while it has a next status, finished once it has none
 * (closed, done, cancelled, withdrawn, AVRR's monitoring): the case file lists the ones in
 * progress first (docs/decisions/0216-case-file-lists-paged.md).
 */
export function serviceInProgress(kind: string, status: string): boolean {
  return nextStatuses(kind, status).length > 0;
}

/** Every (kind, status) pair in progress: what the case file's order is written with in SQL. */
export const SERVICES_IN_PROGRESS: readonly (readonly [(typeof SERVICE_KINDS)[number], string])[] =
  SERVICE_KINDS.flatMap((kind) =>
    statusesOf(kind)
      .filter((status) => serviceInProgress(kind, status))
      .map((status) => [kind, status] as const),
  );

/** Services shown per page of a case file: those in progress first, then the finished, each newest first. */
export const SERVICES_PER_PAGE = 10;

/** Distributions, and vouchers, shown per page of a case file's aid section, newest first. */
export const AID_PER_PAGE = 10;
