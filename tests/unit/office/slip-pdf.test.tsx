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
import { readPdfText } from "../../helpers/pdf";

/** A de Bruijn sequence of order 2: every ordered pair of the alphabet appears once. */
function everyPair(alphabet: string): string {
  const k = alphabet.length;
  const a = new Array<number>(k * 2).fill(0);
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
  return out.map((i) => alphabet[i]).join("");
}

/** Identifiers whose four-letter halves, chained with one letter of overlap, hold every pair. */
function identifiersWithEveryPair(): string[] {
  const sequence = everyPair(LOGIN_ID_ALPHABET);
  const cyclic = sequence + sequence[0];
  const halves: string[] = [];
  for (let start = 0; start + 1 < cyclic.length; start += 3) halves.push(cyclic.slice(start, start + 4).padEnd(4, "A"));
  if (halves.length % 2) halves.push("AAAA");
  const ids: string[] = [];
  for (let i = 0; i < halves.length; i += 2) ids.push(halves[i]! + halves[i + 1]!);
  return ids;
}

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
    const pairs = new Set<string>();
    for (const id of identifiersWithEveryPair()) {
      for (const half of [id.slice(0, 4), id.slice(4)]) for (let i = 0; i < 3; i++) pairs.add(half.slice(i, i + 2));
    }
    expect(pairs.size).toBe(LOGIN_ID_ALPHABET.length ** 2);
  });

  it("reads back every identifier as printed, in French", { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    for (const id of identifiersWithEveryPair()) {
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
