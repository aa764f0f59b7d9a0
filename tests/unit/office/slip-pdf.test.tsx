/**
 * The slip's identifier must come back from the PDF's text layer exactly as printed:
 * people and screen readers copy it, and the e2e test reads it back. With letter
 * spacing, pdftotext read a gap inside some pairs ("WE JD-4WHW" for WEJD-4WHW); every
 * pair of the identifier's alphabet is printed here, in French and Arabic slips.
 */
import { describe, expect, it } from "vitest";
import { formatLoginId, LOGIN_ID_ALPHABET } from "../../../app/modules/auth/rules";
import { SlipPdf } from "../../../app/modules/office/slip-pdf.server";
import { renderPdf } from "../../../app/pdf/kit.server";
import { codesCoveringEveryPair, pairsInside } from "../../helpers/code-pairs";
import { readPdfText } from "../../helpers/pdf";

/** Identifiers of two halves of four in which every ordered pair stands inside a half. */
const identifiers = () => codesCoveringEveryPair(LOGIN_ID_ALPHABET, 4, 2).map((halves) => halves.join(""));

async function slipText(locale: "fr" | "ar", loginId: string): Promise<string> {
  const pdf = await renderPdf(
    <SlipPdf
      locale={locale}
      displayName="Awa Soumah"
      loginId={loginId}
      code="123456"
      expiresAt={new Date("2026-12-10T12:00:00Z")}
      origin="https://masar.example"
      qr="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    />,
  );
  return readPdfText(pdf);
}

describe("the slip's identifier in the text layer", () => {
  it("covers every pair of the alphabet", () => {
    expect(pairsInside(codesCoveringEveryPair(LOGIN_ID_ALPHABET, 4, 2)).size).toBe(LOGIN_ID_ALPHABET.length ** 2);
  });

  it("reads back every identifier as printed, in French", { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    for (const id of identifiers()) {
      const text = await slipText("fr", id);
      if (!text.includes(formatLoginId(id))) wrong.push(formatLoginId(id));
    }
    expect(wrong).toEqual([]);
  });

  it("reads back the identifiers once split, in Arabic", { timeout: 60_000 }, async () => {
    for (const id of ["WEJD4WHW", "FY9J4MEJ"]) {
      expect(await slipText("ar", id)).toContain(formatLoginId(id));
    }
  });
});
