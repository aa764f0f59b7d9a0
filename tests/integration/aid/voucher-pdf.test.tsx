/**
 * A voucher's code must read back from its PDF exactly as it was issued: the merchant or
 * the association types it from the paper, and a copy-paste from the PDF must match.
 * Letter spacing once made pdftotext split "EJ" into "E J"; every ordered pair of the
 * code alphabet is printed here, inside a group, so no pair can split unnoticed.
 */
import { describe, expect, it } from "vitest";
import { VOUCHER_ALPHABET } from "../../../app/modules/aid/rules";
import { VoucherPdf, voucherQr } from "../../../app/modules/aid/voucher-pdf.server";
import { renderPdf } from "../../../app/pdf/kit.server";
import { readPdfText } from "../../helpers/pdf";

/** A de Bruijn sequence of order 2: every ordered pair of symbols appears once, cyclically. */
function deBruijnPairs(alphabet: string): string {
  const k = alphabet.length;
  const a = new Array<number>(2 * k).fill(0);
  const out: number[] = [];
  const db = (t: number, p: number) => {
    if (t > 2) {
      if (2 % p === 0) out.push(...a.slice(1, p + 1));
      return;
    }
    a[t] = a[t - p]!;
    db(t + 1, p);
    for (let j = a[t - p]! + 1; j < k; j++) {
      a[t] = j;
      db(t + 1, t);
    }
  };
  db(1, 1);
  const seq = out.map((i) => alphabet[i]).join("");
  return seq + seq[0];
}

/** Codes of four groups of five; consecutive groups overlap by one symbol so no pair straddles a dash. */
function codesCoveringEveryPair(alphabet: string): string[] {
  const seq = deBruijnPairs(alphabet);
  const groups: string[] = [];
  for (let i = 0; i + 1 < seq.length; i += 4) groups.push(seq.slice(i, i + 5).padEnd(5, alphabet[0]));
  const codes: string[] = [];
  for (let i = 0; i < groups.length; i += 4) codes.push(groups.slice(i, i + 4).join("-"));
  return codes;
}

/** The text read back from a 300 MAD voucher for Awa with this code. */
async function voucherText(code: string, locale: "fr" | "ar", qr: Awaited<ReturnType<typeof voucherQr>>) {
  const buffer = await renderPdf(
    <VoucherPdf
      locale={locale}
      code={code}
      valueCentimes={30000}
      firstName="Awa"
      reference="PR-T-1"
      issuedAt={new Date("2026-11-29T10:00:00Z")}
      expiresOn="2027-02-26"
      qr={qr}
    />,
  );
  return readPdfText(buffer);
}

describe("voucher PDF", () => {
  it("covers every ordered pair of the code alphabet (the check of the check)", () => {
    const codes = codesCoveringEveryPair(VOUCHER_ALPHABET);
    const pairs = new Set<string>();
    for (const code of codes)
      for (const group of code.split("-")) for (let i = 0; i + 1 < group.length; i++) pairs.add(group.slice(i, i + 2));
    expect(pairs.size).toBe(VOUCHER_ALPHABET.length ** 2);
  });

  it("prints every code so that it reads back exactly", async () => {
    const qr = await voucherQr("https://masar.test/v/check");
    const unreadable: string[] = [];
    for (const code of codesCoveringEveryPair(VOUCHER_ALPHABET)) {
      const t = await voucherText(code, "fr", qr);
      if (!t.includes(code)) unreadable.push(code);
    }
    expect(unreadable).toEqual([]);
  });

  it("prints codes asked for at the same time as exactly", async () => {
    const qr = await voucherQr("https://masar.test/v/check");
    const codes = codesCoveringEveryPair(VOUCHER_ALPHABET).slice(0, 16);
    const texts = await Promise.all(codes.map((code, i) => voucherText(code, i % 2 ? "ar" : "fr", qr)));
    expect(codes.filter((code, i) => !texts[i]!.includes(code))).toEqual([]);
  });
});
