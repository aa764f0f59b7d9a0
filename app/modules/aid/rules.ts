/** Pure rules of humanitarian aid: quantities, eligibility, corrections, voucher codes. */
import { moroccoToday } from "~/lib/morocco-time";

export const ITEM_KINDS = ["food_kit", "hygiene_kit", "nfi_kit", "blanket", "clothing", "baby_kit", "voucher"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

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
