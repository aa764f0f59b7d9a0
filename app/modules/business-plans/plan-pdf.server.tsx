/**
 * The business plan as a PDF, rendered from a `PlanDocument` (never from database
 * rows), so a snapshot frozen by a grant application renders exactly the same way.
 * A cover page, the written sections (1 to 7), then the figures and the risks (8, 9).
 */
import { labelled, type MessageKey } from "~/i18n/translate";
import { Text, View } from "@react-pdf/renderer";
import type { Locale } from "~/i18n/config";
import { codeOrTyped } from "~/i18n/codes";
import { pdfDate, PdfFrame, pdfStyles, PdfTable, renderPdf } from "~/pdf/kit.server";
import type { PlanDocument } from "./document";
import { FinancialSection } from "./plan-financial-pdf.server";
import { breakEvenText, PlanField, planPdfWriter, SectionHeading, type PlanPdfWriter } from "./plan-parts-pdf.server";

type Props = {
  doc: PlanDocument;
  locale: Locale;
  ownerName?: string | null;
  generatedAt?: Date;
  /**
   * For a blind review: the application's number instead of any name, and how many
   * passages of the text were hidden (decision 0151). The document itself
   * holds no name, contact or birth date; only the cover would print the owner's.
   */
  anonymisedAs?: { applicationNumber: number; hiddenPassages?: number } | null;
};
type Part = { w: PlanPdfWriter; doc: PlanDocument };

/** The cover: the project, who presents it, when, and the three figures a reader looks for first. */
function Cover({
  w,
  doc,
  locale,
  ownerName,
  generatedAt,
  projectName,
  anonymisedAs,
}: Part & Required<Omit<Props, "doc">> & { projectName: string }) {
  const { t, money } = w;
  const totals = doc.financial.totals;
  const sector = codeOrTyped(t, "sector", doc.summary.sector);
  // a code since migration 0059; an application sent before keeps the town as typed
  const town = codeOrTyped(t, "city", doc.summary.city);
  return (
    <View>
      <Text style={[pdfStyles.muted, { marginTop: 120 }]}>{t("plans.pdf.title")}</Text>
      <Text style={[pdfStyles.h1, { fontSize: 28 }]}>{projectName}</Text>
      <Text style={pdfStyles.p}>{[sector, town].filter(Boolean).join(" · ")}</Text>
      {anonymisedAs ? (
        <>
          <Text style={pdfStyles.p}>
            {t("plans.pdf.anonymised", { number: String(anonymisedAs.applicationNumber) })}
          </Text>
          {anonymisedAs.hiddenPassages ? (
            <Text style={[pdfStyles.p, pdfStyles.muted]}>
              {t("grants.blind.hiddenCount", { count: anonymisedAs.hiddenPassages })}
            </Text>
          ) : null}
        </>
      ) : ownerName ? (
        <Text style={pdfStyles.p}>{t("plans.pdf.presentedBy", { name: ownerName })}</Text>
      ) : null}
      <Text style={[pdfStyles.p, pdfStyles.muted]}>{pdfDate(locale, generatedAt)}</Text>
      <SectionHeading>{t("plans.pdf.keyFigures")}</SectionHeading>
      <Text style={pdfStyles.p}>
        {labelled(t, "plans.fin.totalCosts")} {money(totals.totalStartupCostCentimes)}
      </Text>
      <Text style={pdfStyles.p}>{t("plans.fin.grantRequested", { amount: money(totals.grantRequestedCentimes) })}</Text>
      <Text style={pdfStyles.p}>{breakEvenText(w, totals.breakEvenMonth)}</Text>
    </View>
  );
}

/** Sections 1 to 4: the summary, the promoters, the product and the market. */
function ProjectSections({ w, doc }: Part) {
  const { t, money } = w;
  return (
    <>
      <SectionHeading>1. {t("plans.step.summary")}</SectionHeading>
      <PlanField w={w} label="plans.field.pitch" value={doc.summary.pitch} />
      <SectionHeading>2. {t("plans.step.promoters")}</SectionHeading>
      <PlanField w={w} label="plans.field.experience" value={doc.promoters.experience} />
      <PlanField w={w} label="plans.field.skills" value={doc.promoters.skills} />
      {doc.promoters.team ? <PlanField w={w} label="plans.field.team" value={doc.promoters.team} /> : null}
      <SectionHeading>3. {t("plans.step.product")}</SectionHeading>
      <PlanField w={w} label="plans.field.description" value={doc.product.description} />
      <PlanField w={w} label="plans.field.difference" value={doc.product.difference} />
      <SectionHeading>4. {t("plans.step.market")}</SectionHeading>
      <PlanField w={w} label="plans.field.customers" value={doc.market.customers} />
      <PlanField w={w} label="plans.field.marketSize" value={doc.market.marketSize} />
      <PlanField w={w} label="plans.field.marketSizeFigure" value={doc.market.marketSizeFigure} />
      <PdfTable
        headers={[t("plans.field.competitorName"), t("plans.field.competitorPrice")]}
        rows={doc.market.competitors.map((c) => [c.name, money(c.priceCentimes)])}
      />
      <Text style={[pdfStyles.p, { marginTop: 4 }]}>
        {labelled(t, "plans.field.price")} {money(doc.market.priceCentimes)}
      </Text>
      <PlanField w={w} label="plans.field.salesPlaces" value={doc.market.salesPlaces} />
    </>
  );
}

/** Sections 5 to 7: marketing, operations and the legal form. */
function VentureSections({ w, doc }: Part) {
  const { t } = w;
  const legal = doc.legal.form ? t(`plans.legal.${doc.legal.form}` as MessageKey) : "";
  return (
    <>
      <SectionHeading>5. {t("plans.step.marketing")}</SectionHeading>
      <PlanField w={w} label="plans.field.strategy" value={doc.marketing.strategy} />
      <PlanField w={w} label="plans.field.channels" value={doc.marketing.channels} />
      <SectionHeading>6. {t("plans.step.operations")}</SectionHeading>
      <PlanField w={w} label="plans.field.premises" value={doc.operations.premises} />
      <PlanField w={w} label="plans.field.equipment" value={doc.operations.equipment} />
      <PlanField w={w} label="plans.field.suppliers" value={doc.operations.suppliers} />
      <PlanField w={w} label="plans.field.staff" value={doc.operations.staff} />
      <SectionHeading>7. {t("plans.step.legal")}</SectionHeading>
      <PlanField w={w} label="plans.field.form" value={legal} />
      {doc.legal.reason ? <PlanField w={w} label="plans.field.reason" value={doc.legal.reason} /> : null}
    </>
  );
}

/** Section 9: the risks and how they are met. */
function RiskSection({ w, doc }: Part) {
  return (
    <>
      <SectionHeading>9. {w.t("plans.step.risks")}</SectionHeading>
      <PlanField w={w} label="plans.field.risks" value={doc.risks.risks} />
      <PlanField w={w} label="plans.field.mitigation" value={doc.risks.mitigation} />
    </>
  );
}

export function PlanPdf({ doc, locale, ownerName = null, generatedAt = new Date(), anonymisedAs = null }: Props) {
  const w = planPdfWriter(locale);
  const projectName = doc.summary.projectName || w.t("plans.untitled");
  return (
    <PdfFrame locale={locale} title={`${w.t("plans.pdf.title")} · ${projectName}`} generatedAt={generatedAt}>
      <Cover
        {...{ w, doc, locale, generatedAt, projectName, anonymisedAs }}
        ownerName={anonymisedAs ? null : ownerName}
      />
      <View break>
        <ProjectSections w={w} doc={doc} />
        <VentureSections w={w} doc={doc} />
      </View>
      <View break>
        <FinancialSection w={w} financial={doc.financial} />
        <RiskSection w={w} doc={doc} />
      </View>
    </PdfFrame>
  );
}

export function renderPlanPdf(props: Props): Promise<Buffer> {
  return renderPdf(<PlanPdf {...props} />);
}
