/**
 * Pure rules of protection case files: name folding for the duplicate check,
 * consent, the status machines of hospital referrals and AVRR, shelter nights,
 * what is overdue. No database, no Remix.
 */
import { addDays, daysBetween, isIsoDate } from "~/lib/morocco-time";
import type { Code } from "~/i18n/codes";

export const VULNERABILITIES = [
  "irregular_situation",
  "asylum_seeker_refugee",
  "trafficking_victim",
  "unaccompanied_child",
  "gbv_survivor",
  "woman_at_risk",
  "pregnant_lactating",
  "disability",
  "serious_medical",
  "elderly",
  "other",
] as const;
export type Vulnerability = (typeof VULNERABILITIES)[number];
export type VulnerabilityData = { flags: Vulnerability[]; notes: string };

// Arabic letters to the Latin consonant a French or English speaker would write.
// Long vowels and weak letters fold to nothing, like Latin vowels do below.
export const ARABIC: Record<string, string> = {
  ب: "b",
  ت: "t",
  ث: "t",
  ج: "j",
  ح: "h",
  خ: "k",
  د: "d",
  ذ: "d",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "s",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  ع: "",
  غ: "g",
  ف: "f",
  ق: "k",
  ك: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  ة: "",
  و: "",
  ي: "",
  ى: "",
  ا: "",
  أ: "",
  إ: "",
  آ: "",
  ء: "",
  ئ: "",
  ؤ: "",
  پ: "p",
  ڤ: "v",
  گ: "g",
};

function latinWords(name: string): string[] {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "")
      .toLowerCase()
      .split(/[\s\-'’.,_]+/)
      // a lone article goes; "Abd" / "عبد" belongs to the word after it (Abd al-Lah, عبد الله)
      .filter((word) => !["el", "al", "ال"].includes(word))
      .reduce<string[]>((words, word) => {
        const last = words.at(-1);
        if (last && /^(abd|abdel|abdal|abdul|abdoul|عبد)$/.test(last)) words[words.length - 1] = last + word;
        else words.push(word);
        return words;
      }, [])
      .map((word) =>
        word
          .replace(/^(el|al|ال)(?=.{3,})/, "")
          // Latin digraphs first, so the letters that Arabic maps to cannot form new ones
          .replace(/kh/g, "k")
          .replace(/sch|ch|sh/g, "s")
          .replace(/th/g, "t")
          .replace(/dj/g, "j")
          .replace(/dh/g, "d")
          .replace(/gh/g, "g")
          .replace(/ph/g, "f")
          .replace(/q|c/g, "k")
          .replace(/x/g, "ks"),
      )
      .filter((w) => w.length > 0)
  );
}

/**
 * A name reduced to a consonant skeleton per word, words sorted: case, accents,
 * vowels, doubled letters and the usual Arabic/Latin spellings fold together
 * ("Mohamed", "Muhammad", "محمد" all give "mhmd").
 */
export function foldName(name: string, options: { compact?: boolean } = {}): string {
  const words = latinWords(name)
    .map((w) =>
      [...w]
        .map((ch) => ARABIC[ch] ?? ch)
        .join("")
        .replace(/[^a-z]/g, "")
        .replace(/[aeiouyw]/g, "")
        .replace(/(.)\1+/g, "$1"),
    )
    .filter((w) => w.length > 0);
  // compact: in the order written, without spaces ("Benali" / "بن علي")
  return options.compact ? words.join("") : words.sort().join(" ");
}

/**
 * Between two Latin spellings the vowels still tell names apart (Hassan / Hussein
 * share a skeleton): vowels fold to three classes and must be within one edit.
 */
export function vowelForm(name: string): string {
  return latinWords(name)
    .map((w) =>
      w
        .replace(/[^a-z]/g, "")
        .replace(/ou/g, "u")
        .replace(/e/g, "a")
        .replace(/o/g, "u")
        .replace(/y/g, "i")
        .replace(/w/g, "u")
        .replace(/(.)\1+/g, "$1"),
    )
    .filter((w) => w.length > 0)
    .sort()
    .join(" ");
}

const ARABIC_SCRIPT = /[\u0600-\u06ff]/;

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * Given names that are one name written in another tradition, too far apart for the
 * folding: Mamadou and Mouhamadou are the West African forms of Muhammad; Amadou and
 * Ahmadou of Ahmad (Ahmed); Fatoumata of Fatima, Aminata of Amina; Slimane is the
 * Maghreb's Sulayman (Souleymane); Boubacar is Abu Bakr. Only names that are one name
 * beyond doubt: Hamadou, Adama or Fatou (from more than one name, or a short form) are not
 * here. Read only when two names are compared (`namesClose`); never in `foldName`, whose
 * skeletons are stored as the keys a case is searched by (decisions 0166, 0179-one-name-more).
 */
const ONE_NAME: Record<string, string> = Object.fromEntries(
  Object.entries({
    mohamed: ["mamadou", "mamadu", "mouhamadou", "mohamadou", "muhammadu", "mouhammadou"],
    ahmed: ["amadou", "amadu", "ahmadou", "ahmadu"],
    fatima: ["fatoumata", "fatimata"],
    amina: ["aminata"],
    souleymane: ["slimane", "sliman"],
    "abou bakr": ["boubacar", "boubakar", "aboubacar", "aboubakar", "abubakar", "aboubakr", "abubakr"],
  }).flatMap(([name, forms]) => forms.map((form) => [form, name])),
);

/** The name with each word that is another form of a known name written as that name. */
function asOneName(name: string): string {
  return name
    .split(/(\s+)/)
    .map((word) => {
      const bare = word
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase();
      return ONE_NAME[bare] ?? word;
    })
    .join("");
}

/** Close enough: the same skeleton (or one letter apart on a long name) and, between two Latin spellings, close vowels. */
export function namesClose(first: string, second: string): boolean {
  const a = asOneName(first);
  const b = asOneName(second);
  const fa = foldName(a);
  const fb = foldName(b);
  if (!fa || !fb) return false;
  const skeletonClose =
    fa === fb ||
    foldName(a, { compact: true }) === foldName(b, { compact: true }) ||
    (Math.min(fa.length, fb.length) >= 5 && levenshtein(fa, fb) <= 1);
  if (!skeletonClose) return false;
  if (ARABIC_SCRIPT.test(a) || ARABIC_SCRIPT.test(b)) return true;
  return levenshtein(vowelForm(a), vowelForm(b)) <= 1;
}

/**
 * The folded words a case is found by, per name (each word's skeleton, and the whole
 * name compacted): stored as keyed hashes, since the names themselves are encrypted.
 */
export function nameSearchWords(names: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const word of foldName(name).split(" ")) if (word) words.add(word);
    const compact = foldName(name, { compact: true });
    if (compact) words.add(compact);
  }
  return [...words].sort();
}

/**
 * What a name search asks for: every folded word of the query (so "Fatima Zahra" finds
 * her, and "Mohamed" finds "Muhammad"), or the query compacted ("Benali" finds "Ben Ali").
 * Empty when the query has no letter to fold.
 */
export function nameQueryWords(q: string): { all: string[]; compact: string | null } {
  const all = foldName(q).split(" ").filter(Boolean);
  return { all, compact: foldName(q, { compact: true }) || null };
}

/** The free-text fields of a service (they may name a place or a person): stored encrypted. */
export const PRIVATE_SERVICE_FIELDS = ["provider", "facility", "specialty", "place", "countryOfReturn"] as const;

/** A service's fields split into those stored as they are (the reports read them) and the free text. */
export function splitServiceFields(fields: Record<string, string | number | null | undefined>): {
  open: Record<string, string | number | null>;
  secret: Record<string, string | number | null>;
} {
  const open: Record<string, string | number | null> = {};
  const secret: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if ((PRIVATE_SERVICE_FIELDS as readonly string[]).includes(key)) {
      if (value !== null && value !== "") secret[key] = value;
    } else open[key] = value;
  }
  return { open, secret };
}

export function normalisePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^\d+]/g, "");
  if (digits.startsWith("+")) return digits;
  if (digits.startsWith("00")) return `+${digits.slice(2)}`;
  if (digits.startsWith("0")) return `+212${digits.slice(1)}`;
  return digits || null;
}

export function normaliseDocument(doc: string | null | undefined): string | null {
  if (!doc) return null;
  const d = doc.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return d || null;
}

export type PersonKey = {
  firstName: string;
  lastName: string;
  nameArabic?: string | null;
  dateOfBirth?: string | null;
  /** an age given instead of a date of birth, and the year it was given in */
  estimatedAge?: number | null;
  ageGivenIn?: number | null;
  phone?: string | null;
  documentNumber?: string | null;
};
export type DuplicateReason = "phone" | "document" | "name_dob" | "name_dob_swapped" | "name_age";

/** How far apart two birth years may be when one of them comes from an estimated age. */
export const ESTIMATED_BIRTH_YEAR_SLACK = 2;

/**
 * The year a person was born in: from the date of birth, or the year the age was given
 * in minus the age (then `estimated`). Null when neither is known.
 */
export function birthYearOf(p: PersonKey): { year: number; estimated: boolean } | null {
  if (p.dateOfBirth && isIsoDate(p.dateOfBirth)) return { year: Number(p.dateOfBirth.slice(0, 4)), estimated: false };
  if (p.estimatedAge != null && p.ageGivenIn != null) return { year: p.ageGivenIn - p.estimatedAge, estimated: true };
  return null;
}

/**
 * The same date with its day and month swapped (1995-03-04 → 1995-04-03), the slip of
 * someone who writes dates the other way round; null when the swap is no date or the
 * same one.
 */
export function dayMonthSwapped(date: string): string | null {
  if (!isIsoDate(date)) return null;
  const swapped = `${date.slice(0, 4)}-${date.slice(8, 10)}-${date.slice(5, 7)}`;
  return swapped !== date && isIsoDate(swapped) ? swapped : null;
}

/**
 * Do two people's births agree? "exact": the same date of birth; "swapped": the same
 * date with day and month swapped; "near": one of them only has an estimated age and the
 * birth years are at most two apart (an estimate is rarely closer; two dates of birth
 * that differ otherwise never match, typed twice they agree).
 */
export function birthsAgree(a: PersonKey, b: PersonKey): "exact" | "swapped" | "near" | null {
  if (a.dateOfBirth && b.dateOfBirth) {
    if (a.dateOfBirth === b.dateOfBirth) return "exact";
    return dayMonthSwapped(a.dateOfBirth) === b.dateOfBirth ? "swapped" : null;
  }
  const ya = birthYearOf(a);
  const yb = birthYearOf(b);
  if (!ya || !yb || !(ya.estimated || yb.estimated)) return null;
  return Math.abs(ya.year - yb.year) <= ESTIMATED_BIRTH_YEAR_SLACK ? "near" : null;
}

/** Any written form of one person's name close to any of the other's (Latin or Arabic script). */
export function anyNameClose(a: PersonKey, b: PersonKey): boolean {
  const namesA = [`${a.firstName} ${a.lastName}`, a.nameArabic].filter((n): n is string => !!n);
  const namesB = [`${b.firstName} ${b.lastName}`, b.nameArabic].filter((n): n is string => !!n);
  return namesA.some((x) => namesB.some((y) => namesClose(x, y)));
}

/**
 * Why two records may be the same person; empty when nothing matches. Never a merge.
 * The same rule serves registration, imports, the other associations' files (identity
 * only, answered as "a possible match exists") and applicant accounts.
 */
export function duplicateReasons(a: PersonKey, b: PersonKey): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  const pa = normalisePhone(a.phone);
  if (pa && pa === normalisePhone(b.phone)) reasons.push("phone");
  const da = normaliseDocument(a.documentNumber);
  if (da && da === normaliseDocument(b.documentNumber)) reasons.push("document");
  const births = birthsAgree(a, b);
  const byBirth = { exact: "name_dob", swapped: "name_dob_swapped", near: "name_age" } as const;
  if (births && anyNameClose(a, b)) reasons.push(byBirth[births]);
  return reasons;
}

export type ConsentState = {
  services: boolean;
  referral: boolean;
  withdrawnAt: Date | string | null;
  /** the partner associations the consent to referral names */
  partners: readonly string[];
} | null;

/**
 * A referral or transfer to `toOrganisationId` needs the person's current consent to
 * referral naming that association, or a supervisor's override with a reason.
 */
export function referralAllowed(
  consent: ConsentState,
  toOrganisationId: string,
  override: { bySupervisor: boolean; reason?: string | null } | null,
): "consent" | "override" | "noConsent" | "partnerNotNamed" {
  const live = consent !== null && referralConsentLive(consent);
  if (live && consent.partners.includes(toOrganisationId)) return "consent";
  if (override?.bySupervisor && override.reason && override.reason.trim().length >= 10) return "override";
  return live ? "partnerNotNamed" : "noConsent";
}

/** Whether the person's consent to referral is live (given, not withdrawn). */
export function referralConsentLive(consent: { referral: boolean; withdrawnAt: Date | string | null } | null) {
  return Boolean(consent && consent.referral && !consent.withdrawnAt);
}

/**
 * The partners a referral may go to: those the live consent names; a supervisor may
 * override towards any (`named`: the consent names it).
 */
export function referralTargets<P extends { id: string }>(
  consent: { referral: boolean; withdrawnAt: Date | string | null; partners: readonly { id: string }[] } | null,
  partners: readonly P[],
  supervisor: boolean,
) {
  const named = consent && referralConsentLive(consent) ? consent.partners.map((p) => p.id) : [];
  return partners.filter((p) => supervisor || named.includes(p.id)).map((p) => ({ ...p, named: named.includes(p.id) }));
}

/** The sections of the file a referral may share. */
export { REFERRAL_REASONS, REFERRAL_URGENCIES } from "./constants";
export const SHARED_SECTIONS = ["identity", "services", "notes", "vulnerability"] as const;
export type SharedSection = (typeof SHARED_SECTIONS)[number];
export type Sections = Record<SharedSection, boolean>;

export const ALL_SECTIONS: Sections = { identity: true, services: true, notes: true, vulnerability: true };
export const NO_SECTIONS: Sections = { identity: false, services: false, notes: false, vulnerability: false };

/**
 * What a receiving association sees of a case: the union of the sections of its live
 * requests (pending or accepted); it writes only once one of them is accepted. The owner
 * sees everything.
 */
export function partnerView(
  own: boolean,
  live: readonly ({ accepted: boolean } & Sections)[],
): { reach: "own" | "accepted" | "pending"; sections: Sections } | null {
  if (own) return { reach: "own", sections: ALL_SECTIONS };
  if (live.length === 0) return null;
  const sections = { ...NO_SECTIONS };
  for (const r of live) for (const s of SHARED_SECTIONS) sections[s] ||= r[s];
  return { reach: live.some((r) => r.accepted) ? "accepted" : "pending", sections };
}

/** A referral or transfer not accepted within this many days lapses (docs/decisions/0072-referral-access-ends-with-consent.md). */
export const REFERRAL_EXPIRY_DAYS = 30;

/** The services' status machines, and which are in progress (service-rules.ts). */
export {
  HOSPITAL_STATUSES,
  type HospitalStatus,
  AVRR_STAGES,
  type AvrrStage,
  LEGAL_STATUSES,
  SIMPLE_STATUSES,
  nextStatuses,
  initialStatus,
  statusesOf,
  serviceInProgress,
  SERVICES_IN_PROGRESS,
  SERVICES_PER_PAGE,
  AID_PER_PAGE,
} from "./service-rules";

/** Nights between check-in and check-out (0 when not checked out yet or the dates are reversed). */
export function shelterNights(checkIn: string | null | undefined, checkOut: string | null | undefined): number {
  if (!checkIn || !checkOut) return 0;
  if (!isIsoDate(checkIn) || !isIsoDate(checkOut)) return 0;
  return Math.max(daysBetween(checkIn, checkOut), 0);
}

/** Days a hospital referral may wait for its next step before it counts as overdue. */
export const REFERRAL_OVERDUE_DAYS = 14;

/** A hospital referral is overdue when its follow-up date passed, or it waits too long without one. */
export function isReferralOverdue(
  referral: { kind: string; status: string; serviceDate: string; dueDate: string | null },
  today: string,
): boolean {
  if (referral.kind !== "hospital_referral") return false;
  if (referral.status !== "requested" && referral.status !== "appointment_set") return false;
  if (referral.dueDate) return referral.dueDate < today;
  return addDays(referral.serviceDate, REFERRAL_OVERDUE_DAYS) < today;
}

/**
 * Why no SMS may go from a case file, if none may: a case anonymised, no phone (or not
 * one an SMS reaches), or no live consent to be contacted by SMS. Consent is explicit
 * because a phone may be shared with, or held by, the very person someone flees.
 */
export function caseSmsBlocker(input: {
  anonymised: boolean;
  phone: string | null;
  consent: { contactBySms: boolean; withdrawnAt: Date | string | null } | null;
}): "anonymised" | "noPhone" | "noConsent" | null {
  if (input.anonymised) return "anonymised";
  if (!input.phone) return "noPhone";
  if (!input.consent || input.consent.withdrawnAt || !input.consent.contactBySms) return "noConsent";
  return null;
}

/** Why a case file cannot move to `to` now, or null when it can. An anonymised file never reopens. */
export function statusChangeRefusal(
  c: { status: "open" | "closed"; anonymisedAt: Date | string | null },
  to: "open" | "closed",
): "anonymised" | "already" | null {
  if (c.anonymisedAt) return "anonymised";
  return c.status === to ? "already" : null;
}

/** A person's fields as a correction form posts them (registration's own fields). */
export type PersonInput = {
  firstName: string;
  lastName: string;
  nameArabic?: string;
  sex: "female" | "male" | "other";
  dateOfBirth?: string;
  estimatedAge?: number;
  nationality?: string;
  languages?: string;
  phone?: string;
  documentNumber?: string;
  city?: Code<"city">;
  householdSize: number;
  householdNotes?: string;
};

/**
 * The person as the case stores them, from a form: blanks as null, the phone and the
 * document number normalised (what registration stores), an estimated age only when
 * there is no date of birth. Correcting compares this with the stored case, field by field.
 */
export function personAsStored(input: PersonInput) {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    nameArabic: input.nameArabic ?? null,
    sex: input.sex,
    dateOfBirth: input.dateOfBirth ?? null,
    estimatedAge: input.dateOfBirth ? null : (input.estimatedAge ?? null),
    nationality: input.nationality ?? null,
    languages: input.languages ?? null,
    phone: normalisePhone(input.phone),
    documentNumber: normaliseDocument(input.documentNumber),
    city: input.city ?? null,
    householdSize: input.householdSize,
    householdNotes: input.householdNotes ?? null,
  };
}
export type StoredPerson = ReturnType<typeof personAsStored>;

/** The fields of a person stored encrypted: changing any of them seals the identity again. */
export const SEALED_PERSON_FIELDS = [
  "firstName",
  "lastName",
  "nameArabic",
  "phone",
  "documentNumber",
  "householdNotes",
] as const satisfies readonly (keyof StoredPerson)[];

type ServiceValue = string | number | null;

/**
 * A service's fields as its form has them, from the service as stored (free text
 * decrypted): the derived shelter nights left out, a hospital referral's follow-up date
 * read from the date next due (where the form put it).
 */
export function serviceAsEntered(s: {
  kind: string;
  serviceDate: string;
  provider: string | null;
  costCentimes: number;
  notes: string | null;
  dueDate: string | null;
  details: Record<string, ServiceValue>;
}): Record<string, ServiceValue> {
  const { nights: _nights, ...details } = s.details;
  return {
    serviceDate: s.serviceDate,
    provider: s.provider,
    cost: s.costCentimes,
    notes: s.notes,
    ...details,
    ...(s.kind === "hospital_referral" ? { followUpDate: s.dueDate } : {}),
  };
}

/**
 * The same fields from a posted form, every field of `stored` included: what was left
 * blank is null (a cleared provider is a change, not a field left as it was).
 */
export function serviceInputAsEntered(
  stored: Record<string, ServiceValue>,
  input: Record<string, ServiceValue | undefined>,
): Record<string, ServiceValue> {
  const keys = new Set([...Object.keys(stored), ...Object.keys(input)].filter((k) => k !== "kind"));
  return Object.fromEntries([...keys].map((k) => [k, input[k] ?? null]));
}
