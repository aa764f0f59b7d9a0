import { describe, expect, it } from "vitest";
import { toPlanDocument } from "../../../app/modules/business-plans/document";
import { renderPlanPdf } from "../../../app/modules/business-plans/plan-pdf.server";
import { completePlanContent } from "../../factories/business-plans";
import { readPdfText } from "../../helpers/pdf";

const plan = {
  id: "00000000-0000-0000-0000-000000000001",
  updatedAt: new Date("2026-11-29T10:00:00Z"),
  ...completePlanContent(),
};

describe("plan PDF from a PlanDocument", () => {
  it("writes the project name, the sections and the totals in French", async () => {
    const buffer = await renderPlanPdf({ doc: toPlanDocument(plan), locale: "fr", ownerName: "Aminata Diallo" });
    const text = readPdfText(buffer);
    expect(text).toContain("Boulangerie Al Amal");
    expect(text).toContain("Aminata Diallo");
    expect(text).toMatch(/42[\s.]500,00/);
    expect(text).toContain("Étude de marché");
    expect(text).toContain("Seuil de rentabilité : mois 2");
    expect(text).toMatch(/Page 1 \/ \d/);
  });

  it("writes Arabic in the owner's language, from a JSON round trip of the snapshot", async () => {
    const frozen = JSON.parse(JSON.stringify(toPlanDocument(plan)));
    const buffer = await renderPlanPdf({ doc: frozen, locale: "ar" });
    const text = readPdfText(buffer);
    expect(text).toContain("Boulangerie Al Amal");
    expect(text).toContain("دراسة السوق");
    expect(text).toContain("المخاطر");
  });
});
