/** Section 8 of the plan PDF: start-up costs, funding, the first months and three years. */
import { Text } from "@react-pdf/renderer";
import type { MessageKey } from "~/i18n/translate";
import { pdfStyles, PdfTable } from "~/pdf/kit.server";
import type { PlanDocument } from "./document";
import { breakEvenText, SectionHeading, type PlanPdfWriter } from "./plan-parts-pdf.server";
import { lineTotal, monthCosts } from "./rules";

type Financial = PlanDocument["financial"];
type Part = { w: PlanPdfWriter; financial: Financial };

/** A sub-heading of the financial section. */
function Subheading({ w, label, first }: { w: PlanPdfWriter; label: MessageKey; first?: boolean }) {
  return (
    <Text style={[pdfStyles.p, first ? { fontWeight: 700 } : { fontWeight: 700, marginTop: 8 }]}>{w.t(label)}</Text>
  );
}

function StartupCosts({ w, financial }: Part) {
  const { t, money } = w;
  return (
    <PdfTable
      headers={[t("plans.fin.item"), t("plans.fin.quantity"), t("plans.fin.unitPrice"), t("plans.fin.lineTotal")]}
      rows={[
        ...financial.startupCosts.map((c) => [
          c.item,
          String(c.quantity),
          money(c.unitPriceCentimes),
          money(lineTotal(c)),
        ]),
        [t("plans.fin.totalCosts"), "", "", money(financial.totals.totalStartupCostCentimes)],
      ]}
    />
  );
}

function Funding({ w, financial }: Part) {
  const { t, money } = w;
  const gap = financial.totals.fundingGapCentimes;
  return (
    <>
      <PdfTable
        headers={[t("plans.fin.kind"), t("plans.fin.label"), t("plans.fin.amount")]}
        rows={[
          ...financial.funding.map((s) => [
            t(`plans.funding.${s.kind}` as MessageKey),
            s.label,
            money(s.amountCentimes),
          ]),
          [t("plans.fin.totalFunding"), "", money(financial.totals.totalFundingCentimes)],
        ]}
      />
      <Text style={[pdfStyles.p, { marginTop: 4 }]}>
        {gap === 0
          ? t("plans.fin.balanced")
          : gap > 0
            ? t("plans.fin.gapMissing", { amount: money(gap) })
            : t("plans.fin.gapOver", { amount: money(-gap) })}
      </Text>
    </>
  );
}

function Months({ w, financial }: Part) {
  const { t, money } = w;
  const { totals } = financial;
  return (
    <>
      <PdfTable
        headers={[
          "",
          t("plans.fin.revenue"),
          t("plans.fin.costOfSales"),
          t("plans.fin.fixedCosts"),
          t("plans.fin.net"),
          t("plans.fin.cumulative"),
        ]}
        rows={financial.months.map((m, i) => [
          t("plans.fin.month", { n: String(i + 1) }),
          money(m.revenueCentimes),
          money(m.costOfSalesCentimes),
          money(m.fixedCostsCentimes),
          money(totals.cashFlow[i]?.netCentimes ?? m.revenueCentimes - monthCosts(m)),
          money(totals.cashFlow[i]?.cumulativeCentimes ?? 0),
        ])}
      />
      <Text style={[pdfStyles.p, { marginTop: 4 }]}>{breakEvenText(w, totals.breakEvenMonth)}</Text>
      <Text style={pdfStyles.p}>
        {t("plans.fin.grossMargin", { amount: money(totals.grossMargin.amountCentimes) })}
        {totals.grossMargin.ratePercent === null
          ? ""
          : ` (${t("plans.fin.grossMarginRate", { rate: String(totals.grossMargin.ratePercent) })})`}
      </Text>
    </>
  );
}

function Years({ w, financial }: Part) {
  const { t, money } = w;
  const { totals } = financial;
  return (
    <PdfTable
      headers={["", t("plans.fin.revenue"), t("plans.fin.costs"), t("plans.fin.result")]}
      rows={[
        ...totals.years.map((y) => [
          t("plans.fin.year", { n: String(y.year) }),
          money(y.revenueCentimes),
          money(y.costsCentimes),
          money(y.resultCentimes),
        ]),
        [
          t("plans.fin.threeYears"),
          money(totals.threeYearTotal.revenueCentimes),
          money(totals.threeYearTotal.costsCentimes),
          money(totals.threeYearTotal.resultCentimes),
        ],
      ]}
    />
  );
}

/** The financial plan, its tables in the order the builder asks for them. */
export function FinancialSection({ w, financial }: Part) {
  return (
    <>
      <SectionHeading>8. {w.t("plans.step.financial")}</SectionHeading>
      <Subheading w={w} label="plans.field.startupCosts" first />
      <StartupCosts w={w} financial={financial} />
      <Subheading w={w} label="plans.field.funding" />
      <Funding w={w} financial={financial} />
      <Subheading w={w} label="plans.field.months" />
      <Months w={w} financial={financial} />
      <Subheading w={w} label="plans.field.years" />
      <Years w={w} financial={financial} />
    </>
  );
}
