import { describe, expect, it } from "vitest";
import { LetterPdf } from "../../../app/modules/grants/letters-pdf.server";
import { renderPdf } from "../../../app/pdf/kit.server";
import { readPdfText } from "../../helpers/pdf";

describe("decision letters", () => {
  it("writes a rejection letter with the committee's comments, in French", async () => {
    const buffer = await renderPdf(
      <LetterPdf
        locale="fr"
        applicantName="Moussa Traoré"
        callTitle="Appel pilote 2026"
        number={12}
        decidedAt={new Date("2026-11-29T10:00:00Z")}
        award={null}
        tranches={[]}
        comment="Étude de marché trop courte."
      />,
    );
    const text = readPdfText(buffer);
    expect(text).toContain("Décision du comité de sélection");
    expect(text).toContain("Moussa Traoré");
    expect(text).toContain("Étude de marché trop courte.");
    expect(text).not.toContain("Référence");
  });

  it("writes an award letter with the amount, the tranches and the reference, in English", async () => {
    const buffer = await renderPdf(
      <LetterPdf
        locale="en"
        applicantName="Aya Kouassi"
        callTitle="2026 pilot call"
        number={3}
        decidedAt={new Date("2026-11-29T10:00:00Z")}
        award={{ reference: "MASAR-2026-00003", amountCentimes: 2_500_000 }}
        tranches={[
          { condition: "signature", percent: 50, amountCentimes: 1_250_000 },
          { condition: "business_started", percent: 30, amountCentimes: 750_000 },
          { condition: "six_months", percent: 20, amountCentimes: 500_000 },
        ]}
        comment={null}
      />,
    );
    const text = readPdfText(buffer);
    expect(text).toContain("Grant award letter");
    expect(text).toContain("MASAR-2026-00003");
    expect(text).toContain("25,000.00");
    expect(text).toContain("12,500.00");
    expect(text).toContain("After six months");
  });
});
