/**
 * Acting for a person in the office: how long a slip's code lives, who may act for
 * whom, what the person reads. (The slip's sign-in identifier is the auth module's.) Pure: no database, no clock of its own.
 * Why these choices: docs/decisions/0104-acting-for-a-person.md.
 */
import { changedFields, staleRefusal, versionOf, type StaleRefusal } from "~/lib/changes";
import { foldName } from "~/modules/protection/rules";
import type { ActKind } from "./constants";

// ---------------------------------------------------------------- the slip's code

const DAY = 24 * 60 * 60 * 1000;
/** A slip's set-up code lives a week: people come back to the office, or to a phone, days later. */
export const SLIP_CODE_TTL_MS = 7 * DAY;

// ---------------------------------------------------------------- who may act for whom

export type ActingStaff = { id: string; role: string; organisationId: string | null };
/** What the database knows of a person, as seen by one member of staff. */
export type PersonReach = {
  role: string;
  isActive: boolean;
  /** the office registration, if the person was registered in an office */
  registeredById: string | null;
  registeredForOrganisationId: string | null;
  /** the staff member is the person's current coach */
  followedByStaff: boolean;
  /** a case file of the staff member's association is linked to the person's account, with consent */
  linkedToStaffCase: boolean;
};

/**
 * May this member of staff act for this person? A case worker: for the people an office
 * of their own association registered, and those whose account is linked to one of its
 * case files (docs/decisions/0135-linking-and-dedup-across.md). A coach: for the people they registered
 * themselves and the beneficiaries they follow now. Nobody acts for staff, for
 * themselves, or for a deactivated account.
 */
export function mayActFor(staff: ActingStaff, personId: string, person: PersonReach | null): boolean {
  if (!person || person.role !== "applicant" || !person.isActive || personId === staff.id) return false;
  if (staff.role === "case_worker")
    return (
      staff.organisationId !== null &&
      (person.registeredForOrganisationId === staff.organisationId || person.linkedToStaffCase)
    );
  if (staff.role === "coach") return person.registeredById === staff.id || person.followedByStaff;
  return false;
}

// ---------------------------------------------------------------- what the person reads

/** The message key of one act, as the person reads it on their home page. */
export function actMessage(kind: ActKind) {
  return `office.acts.${kind}` as const;
}

// ---------------------------------------------------------------- a decision received

/**
 * Why a day typed as "the person received the decision" is refused, or null: not in the
 * future, not before the decision was published (both Morocco calendar days, "YYYY-MM-DD").
 */
export function receivedOnRefusal(receivedOn: string, today: string, publishedOn: string | null) {
  if (receivedOn > today) return "office.errors.receivedFuture" as const;
  if (publishedOn && receivedOn < publishedOn) return "office.errors.receivedBeforeDecision" as const;
  return null;
}

/**
 * The fields a correction of a decision's receipt changes, by name ([] when it changes
 * nothing): what its audit row names.
 */
export function receiptFieldsChanged(
  stored: { receivedOn: string | null; how: string | null },
  typed: { receivedOn: string; how: string },
): string[] {
  return changedFields(
    { decisionReceivedOn: stored.receivedOn, decisionReceivedHow: stored.how },
    { decisionReceivedOn: typed.receivedOn, decisionReceivedHow: typed.how },
  ).fields;
}

/**
 * A receipt's version as its correction form showed it (the day and how): a correction or
 * undo sent from a form older than the receipt is refused, as other corrections are.
 */
export function receiptVersion(receipt: { receivedOn: string | null; how: string | null }): string {
  return versionOf(receipt, ["receivedOn", "how"]);
}

/**
 * A receipt correction refused as stale (corrected meanwhile, decision 0142): the message,
 * the day or how where the receipt now says other than what the form sends (an undo sends
 * neither: nothing is flagged), and what the receipt holds now for each, to show beside it.
 */
export function staleReceiptFlags(
  now: { receivedOn: string | null; how: string | null },
  sent: { receivedOn?: string; how?: string },
): StaleRefusal {
  const messages = { form: "office.errors.receiptStale", field: "office.errors.receiptChangedOnFile" } as const;
  if (sent.receivedOn === undefined || sent.how === undefined) return staleRefusal({}, {}, messages);
  return staleRefusal(
    { receivedOn: now.receivedOn ?? "", how: now.how ?? "" },
    { receivedOn: sent.receivedOn, how: sent.how },
    messages,
  );
}

// ---------------------------------------------------------------- namesakes at registration

/**
 * A name as the office's namesakes are matched: protection's `foldName` (case, accents,
 * vowels, doubled letters and the usual Arabic and Latin spellings fold together).
 */
export function namesakesKey(name: { givenName: string; familyName: string }): string {
  return foldName(`${name.givenName} ${name.familyName}`);
}

/**
 * Whether the registration form carries back (`namesakesSeenFor`) the very name whose
 * earlier registrations staff were shown, and they chose to register a new person. Any
 * other name is checked again.
 */
export function namesakesSeen(seenFor: unknown, name: { givenName: string; familyName: string }): boolean {
  return typeof seenFor === "string" && seenFor !== "" && seenFor === namesakesKey(name);
}
