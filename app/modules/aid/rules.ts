/** Pure rules of humanitarian aid: quantities, eligibility, corrections, voucher codes, validity and shops. */
import { addDays, moroccoToday } from "~/lib/morocco-time";

/** A round's quantity for one beneficiary: per person, or per member of the household. */
export function quantityFor(perItem: number, perHousehold: boolean, householdSize: number): number {
  return perHousehold ? perItem * Math.max(1, householdSize) : perItem;
}

export type MovementKind = "receipt" | "transfer_in" | "transfer_out" | "distribution" | "adjustment" | "reversal";

/** The signed quantity of a ledger movement. */
export function signedQuantity(kind: MovementKind, quantity: number): number {
  if (kind === "receipt" || kind === "transfer_in" || kind === "reversal") return Math.abs(quantity);
  if (kind === "transfer_out" || kind === "distribution") return -Math.abs(quantity);
  return quantity;
}

export type Eligibility = {
  round: { organisationId: string; startsOn: string; endsOn: string; eligibilityVulnerability: string | null };
  beneficiary: {
    organisationId: string;
    status: string;
    anonymised: boolean;
    consentToServices: boolean;
    vulnerabilities: readonly string[];
  };
  today: string;
};

export type IneligibleReason = "other_association" | "closed" | "no_consent" | "vulnerability" | "outside_dates";

/** Why a beneficiary may not receive a round's items; null when they may. */
export function ineligibility({ round, beneficiary, today }: Eligibility): IneligibleReason | null {
  if (beneficiary.organisationId !== round.organisationId) return "other_association";
  if (beneficiary.status !== "open" || beneficiary.anonymised) return "closed";
  if (!beneficiary.consentToServices) return "no_consent";
  if (today < round.startsOn || today > round.endsOn) return "outside_dates";
  if (round.eligibilityVulnerability && !beneficiary.vulnerabilities.includes(round.eligibilityVulnerability))
    return "vulnerability";
  return null;
}

export type CorrectionRefusal = "already_corrected" | "not_today";

/**
 * Why a hand-out may no longer be corrected; null when it may. A mistake is put right
 * the day it is made (Morocco's day): after that the person has gone home with the
 * items, and the stock count of the evening stands.
 */
export function correctionRefusal(
  distribution: { createdAt: Date; correctedAt: Date | null },
  now: Date,
): CorrectionRefusal | null {
  if (distribution.correctedAt) return "already_corrected";
  if (moroccoToday(distribution.createdAt) !== moroccoToday(now)) return "not_today";
  return null;
}

// Crockford's base32: no I, L, O, U, so a code read aloud or typed is not mistaken
export const VOUCHER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 20 characters from 100 random bits, grouped by 5 for reading: unguessable, easy to type. */
export function voucherCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < 13) throw new Error("need 13 random bytes");
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 20) {
      out += VOUCHER_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{5}/g)!.join("-");
}

/** What a person typed, back to the stored form (case, spaces, look-alike letters). */
export function normaliseVoucherCode(input: string): string {
  const raw = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return raw.length === 20 ? raw.match(/.{5}/g)!.join("-") : raw;
}

/** How long a voucher can be redeemed: 90 Moroccan days, its day of issue being the first. */
export const VOUCHER_VALID_DAYS = 90;

/** The last day a voucher issued on `issuedOn` (a Moroccan day) can be redeemed. */
export function voucherExpiresOn(issuedOn: string): string {
  return addDays(issuedOn, VOUCHER_VALID_DAYS - 1);
}

export type VoucherState = "valid" | "redeemed" | "expired";

/** Where a voucher stands on a Moroccan day: a redeemed one stays redeemed after its expiry. */
export function voucherState(
  voucher: { redeemedAt: Date | string | null; expiresOn: string },
  today: string,
): VoucherState {
  if (voucher.redeemedAt) return "redeemed";
  return today > voucher.expiresOn ? "expired" : "valid";
}

/**
 * Why a shop cannot take a code, or null when it can. A voucher of another association
 * is "unknown", exactly as a code that does not exist: a shop learns nothing of other
 * schemes. A shop that was deactivated takes nothing.
 */
export type ShopRefusal = "unknown" | "redeemed" | "expired" | "shop_inactive";
export function shopRefusal(
  shop: { organisationId: string; isActive: boolean },
  voucher: { organisationId: string; redeemedAt: Date | string | null; expiresOn: string } | null,
  today: string,
): ShopRefusal | null {
  if (!shop.isActive) return "shop_inactive";
  if (!voucher || voucher.organisationId !== shop.organisationId) return "unknown";
  const state = voucherState(voucher, today);
  return state === "valid" ? null : state;
}

/**
 * What a shop may know of the holder: initials ("A. D."), never a name. An anonymised
 * case (its names replaced by "—") has none.
 */
export function initialsOf(...names: readonly (string | null | undefined)[]): string {
  const letters = names
    .flatMap((name) => (name ?? "").trim().split(/[\s-]+/))
    .map((part) => Array.from(part.replace(/[^\p{L}]/gu, ""))[0])
    .filter((letter): letter is string => Boolean(letter))
    .map((letter) => `${letter.toLocaleUpperCase("fr")}.`);
  return letters.length ? letters.join(" ") : "—";
}

export type RoundState = "upcoming" | "ongoing" | "ended";

/** Where a round stands on a Moroccan day; its first and last days count as running. */
export function roundState(round: { startsOn: string; endsOn: string }, today: string): RoundState {
  if (today < round.startsOn) return "upcoming";
  return today > round.endsOn ? "ended" : "ongoing";
}

/** A round hands out something: its kit keeps at least one item after a removal. */
export function kitKeepsAnItem(itemsLeft: number): boolean {
  return itemsLeft >= 1;
}
