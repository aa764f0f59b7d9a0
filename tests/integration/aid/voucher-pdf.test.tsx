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
import { codesCoveringEveryPair, pairsInside } from "../../helpers/code-pairs";
import { readPdfText } from "../../helpers/pdf";

/** Codes of four groups of five in which every ordered pair stands inside a group. */
const voucherCodes = () => codesCoveringEveryPair(VOUCHER_ALPHABET, 5, 4).map((groups) => groups.join("-"));

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
    expect(pairsInside(codesCoveringEveryPair(VOUCHER_ALPHABET, 5, 4)).size).toBe(VOUCHER_ALPHABET.length ** 2);
  });

  it("prints every code so that it reads back exactly", async () => {
    const qr = await voucherQr("https://masar.test/v/check");
    const unreadable: string[] = [];
    for (const code of voucherCodes()) {
      const t = await voucherText(code, "fr", qr);
      if (!t.includes(code)) unreadable.push(code);
    }
    expect(unreadable).toEqual([]);
  });

  it("prints codes asked for at the same time as exactly", async () => {
    const qr = await voucherQr("https://masar.test/v/check");
    const codes = voucherCodes().slice(0, 16);
    const texts = await Promise.all(codes.map((code, i) => voucherText(code, i % 2 ? "ar" : "fr", qr)));
    expect(codes.filter((code, i) => !texts[i]!.includes(code))).toEqual([]);
  });
});
