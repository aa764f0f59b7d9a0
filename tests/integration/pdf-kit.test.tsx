import { Text } from "@react-pdf/renderer";
import { readPdfText } from "../helpers/pdf";
import { describe, expect, it } from "vitest";
import { PdfFrame, renderPdf } from "../../app/pdf/kit.server";

describe("PDF kit", () => {
  it("numbers pages and dates the document", async () => {
    const buffer = await renderPdf(
      <PdfFrame locale="fr" title="Test" generatedAt={new Date("2026-11-29T10:00:00Z")}>
        <Text>Bonjour</Text>
      </PdfFrame>,
    );
    const text = readPdfText(buffer);
    expect(text).toContain("Page 1 / 1");
    expect(text).toContain("29 novembre 2026");
  });

  it("writes Latin and Arabic text that can be read back, with page numbers", async () => {
    const buffer = await renderPdf(
      <PdfFrame locale="ar" title="اختبار">
        <Text>مخبزة الأمل</Text>
        <Text>Boulangerie Al Amal 12 500,00 MAD</Text>
      </PdfFrame>,
    );
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    const text = readPdfText(buffer);
    expect(text).toContain("Boulangerie Al Amal");
    expect(text).toContain("2026");
    expect(text).toContain("مخبزة الأمل");
  });
});
