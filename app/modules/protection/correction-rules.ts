/**
 * Pure rules of correcting protection records (decision 0115): what a request's correction
 * compares, and what a correction refused as stale shows. No database, no Remix.
 */
import { staleRefusal, type StaleRefusal } from "~/lib/changes";
import type { REFERRAL_REASONS, REFERRAL_URGENCIES, SERVICE_KINDS } from "./constants";
import { SHARED_SECTIONS, type SharedSection } from "./rules";

/**
 * A case file's correction refused as stale (identity, service, referral: decision 0158):
 * `staleRefusal` with the case file's messages. Both records are in the form's shape (text;
 * ticked boxes one a line under `name[]`, their order not counting), drawn by the same
 * function from the record as it is and from the input as the record would store it: a
 * field typed to what the record now holds (a phone typed "06 12 34 56 78" where the file
 * says "+212612345678") is not flagged.
 */
export function staleCorrectionFlags(now: Record<string, string>, typed: Record<string, string>): StaleRefusal {
  return staleRefusal(now, typed, { form: "protection.correct.stale", field: "protection.correct.changedOnFile" });
}

/** A request's correctable fields as stored: the shape a referral correction compares. */
type ReferralReason = (typeof REFERRAL_REASONS)[number];
type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];
type ServiceKind = (typeof SERVICE_KINDS)[number];

export function referralAsEntered(r: {
  reason: ReferralReason | null;
  urgency: ReferralUrgency | null;
  requestedServices: readonly ServiceKind[];
  shareIdentity: boolean;
  shareServices: boolean;
  shareNotes: boolean;
  shareVulnerability: boolean;
}) {
  return {
    reason: r.reason,
    urgency: r.urgency,
    services: [...r.requestedServices].sort(),
    shareIdentity: r.shareIdentity,
    shareServices: r.shareServices,
    shareNotes: r.shareNotes,
    shareVulnerability: r.shareVulnerability,
  };
}
export type ReferralAsEntered = ReturnType<typeof referralAsEntered>;

/** The same fields from a corrected request (services ticked twice count once). */
export function referralInputAsEntered(input: {
  reason: ReferralReason;
  urgency: ReferralUrgency;
  services: readonly ServiceKind[];
  share: readonly SharedSection[];
}): ReferralAsEntered {
  return {
    reason: input.reason,
    urgency: input.urgency,
    services: [...new Set(input.services)].sort(),
    shareIdentity: input.share.includes("identity"),
    shareServices: input.share.includes("services"),
    shareNotes: input.share.includes("notes"),
    shareVulnerability: input.share.includes("vulnerability"),
  };
}

/** The sections a request shares, in the form's order. */
export function sharedSections(r: Pick<ReferralAsEntered, `share${Capitalize<SharedSection>}`>): SharedSection[] {
  const shared: Record<SharedSection, boolean> = {
    identity: r.shareIdentity,
    services: r.shareServices,
    notes: r.shareNotes,
    vulnerability: r.shareVulnerability,
  };
  return SHARED_SECTIONS.filter((k) => shared[k]);
}
