/**
 * The business plan as a PDF, rendered from a `PlanDocument` (never from database
 * rows), so a snapshot frozen by a grant application renders exactly the same way.
 */
import { Text, View } from "@react-pdf/renderer";
import type { Locale } from "~/i18n/config";
import type { MessageKey } from "~/i18n/translate";
import { pdfDate, PdfFrame, pdfStyles, pdfT, renderPdf, TypedText } from "~/pdf/kit.server";
import type { PlanDocument } from "./document";
import { lineTotal, monthCosts } from "./rules";
import { formatMoneyForPdf } from "~/lib/money";

type Props = { doc: PlanDocument; locale: Locale; ownerName?: string | null; generatedAt?: Date };

export function PlanPdf({ doc, locale, ownerName, generatedAt = new Date() }: Props) {
  const t = pdfT(locale);
  const row = pdfStyles.row;
  const money = (c: number | null) => (c === null ? "—" : formatMoneyForPdf(locale, c));
  const orDash = (value: string) => (value.trim() ? value : t("plans.pdf.notProvided"));
  const field = (label: MessageKey, value: string) => (
    <View wrap={false}>
      <Text style={[pdfStyles.p, { fontWeight: 700 }]}>{t(label)}</Text>
      <TypedText style={[pdfStyles.p]}>{orDash(value)}</TypedText>
    </View>
  );
  const totals = doc.financial.totals;
  const projectName = doc.summary.projectName || t("plans.untitled");
  const sector = doc.summary.sector ? t(`plans.sector.${doc.summary.sector}` as MessageKey) : "";
  const legal = doc.legal.form ? t(`plans.legal.${doc.legal.form}` as MessageKey) : "";
  const table = (headers: string[], rows: string[][], key: string) => (
    <View>
      <View style={row} fixed={false}>
        {headers.map((h) => (
          <Text key={`${key}-h-${h}`} style={pdfStyles.headerCell}>
            {h}
          </Text>
        ))}
      </View>
      {rows.map((cells, r) => (
        <View key={`${key}-${r}`} style={row} wrap={false}>
          {cells.map((c, i) => (
            <Text key={`${key}-${r}-${i}`} style={pdfStyles.cell}>
              {c}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );

  return (
    <PdfFrame locale={locale} title={`${t("plans.pdf.title")} · ${projectName}`} generatedAt={generatedAt}>
      <View>
        <Text style={[pdfStyles.muted, { marginTop: 120 }]}>{t("plans.pdf.title")}</Text>
        <Text style={[pdfStyles.h1, { fontSize: 28 }]}>{projectName}</Text>
        <Text style={pdfStyles.p}>{[sector, doc.summary.city].filter(Boolean).join(" · ")}</Text>
        {ownerName ? <Text style={pdfStyles.p}>{t("plans.pdf.presentedBy", { name: ownerName })}</Text> : null}
        <Text style={[pdfStyles.p, pdfStyles.muted]}>{pdfDate(locale, generatedAt)}</Text>
        <Text style={pdfStyles.h2} minPresenceAhead={60}>
          {t("plans.pdf.keyFigures")}
        </Text>
        <Text style={pdfStyles.p}>
          {t("plans.fin.totalCosts")} : {money(totals.totalStartupCostCentimes)}
        </Text>
        <Text style={pdfStyles.p}>
          {t("plans.fin.grantRequested", { amount: money(totals.grantRequestedCentimes) })}
        </Text>
        <Text style={pdfStyles.p}>
          {totals.breakEvenMonth === null
            ? t("plans.fin.breakEvenNever")
            : t("plans.fin.breakEven", { month: String(totals.breakEvenMonth) })}
        </Text>
      </View>

      <View break>
        <Text style={pdfStyles.h2} minPresenceAhead={60}>
          1. {t("plans.step.summary")}
        </Text>
        {field("plans.field.pitch", doc.summary.pitch)}
        <Text style={pdfStyles.h2} minPresenceAhead={60}>
          2. {t("plans.step.promoters")}
        </Text>
        {field("plans.field.experience", doc.promoters.experience)}
        {field("plans.field.skills", doc.promoters.skills)}
        {doc.promoters.team ? field("plans.field.team", doc.promoters.team) : null}
        <Text style={pdfStyles.h2} minPresenceAhead={60}>
          3. {t("plans.step.product")}
        </Text>
        {field("plans.field.description", doc.product.description)}
        {field("plans.field.difference", doc.product.difference)}
        <Text style={pdfStyles.h2} minPresenceAhead={60}>
          4. {t("plans.step.market")}
        </Text>
        {field("plans.field.customers", doc.market.customers)}
        {field("plans.field.marketSize", doc.market.marketSize)}
        {field("plans.field.marketSizeFigure", doc.market.marketSizeFigure)}
        {table(
          [t("plans.field.competitorName"), t("plans.field.competitorPrice")],
          doc.market.competitors.map((c) => [c.name, money(c.priceCentimes)]),
          "competitors",
        )}
        <Text style={[pdfStyles.p, { marginTop: 4 }]}>
          {t("plans.field.price")} : {money(doc.market.priceCentimes)}
        </Text>
        {field("plans.field.salesPlaces", doc.market.salesPlaces)}
        <Text style={pdfStyles.h2} minPresenceAhead={60}>
          5. {t("plans.step.marketing")}
        </Text>
        {field("plans.field.strategy", doc.marketing.strategy)}
        {field("plans.field.channels", doc.marketing.channels)}
        <Text style={pdfStyles.h2} minPresenceAhead={60}>
          6. {t("plans.step.operations")}
        </Text>
        {field("plans.field.premises", doc.operations.premises)}
        {field("plans.field.equipment", doc.operations.equipment)}
        {field("plans.field.suppliers", doc.operations.suppliers)}
        {field("plans.field.staff", doc.operations.staff)}
        <Text style={pdfStyles.h2} minPresenceAhead={60}>
          7. {t("plans.step.legal")}
        </Text>
        {field("plans.field.form", legal)}
        {doc.legal.reason ? field("plans.field.reason", doc.legal.reason) : null}
      </View>

      <View break>
        <Text style={pdfStyles.h2} minPresenceAhead={60}>
          8. {t("plans.step.financial")}
        </Text>
        <Text style={[pdfStyles.p, { fontWeight: 700 }]}>{t("plans.field.startupCosts")}</Text>
        {table(
          [t("plans.fin.item"), t("plans.fin.quantity"), t("plans.fin.unitPrice"), t("plans.fin.lineTotal")],
          [
            ...doc.financial.startupCosts.map((c) => [
              c.item,
              String(c.quantity),
              money(c.unitPriceCentimes),
              money(lineTotal(c)),
            ]),
            [t("plans.fin.totalCosts"), "", "", money(totals.totalStartupCostCentimes)],
          ],
          "costs",
        )}
        <Text style={[pdfStyles.p, { fontWeight: 700, marginTop: 8 }]}>{t("plans.field.funding")}</Text>
        {table(
          [t("plans.fin.kind"), t("plans.fin.label"), t("plans.fin.amount")],
          [
            ...doc.financial.funding.map((s) => [
              t(`plans.funding.${s.kind}` as MessageKey),
              s.label,
              money(s.amountCentimes),
            ]),
            [t("plans.fin.totalFunding"), "", money(totals.totalFundingCentimes)],
          ],
          "funding",
        )}
        <Text style={[pdfStyles.p, { marginTop: 4 }]}>
          {totals.fundingGapCentimes === 0
            ? t("plans.fin.balanced")
            : totals.fundingGapCentimes > 0
              ? t("plans.fin.gapMissing", { amount: money(totals.fundingGapCentimes) })
              : t("plans.fin.gapOver", { amount: money(-totals.fundingGapCentimes) })}
        </Text>
        <Text style={[pdfStyles.p, { fontWeight: 700, marginTop: 8 }]}>{t("plans.field.months")}</Text>
        {table(
          [
            "",
            t("plans.fin.revenue"),
            t("plans.fin.costOfSales"),
            t("plans.fin.fixedCosts"),
            t("plans.fin.net"),
            t("plans.fin.cumulative"),
          ],
          doc.financial.months.map((m, i) => [
            t("plans.fin.month", { n: String(i + 1) }),
            money(m.revenueCentimes),
            money(m.costOfSalesCentimes),
            money(m.fixedCostsCentimes),
            money(totals.cashFlow[i]?.netCentimes ?? m.revenueCentimes - monthCosts(m)),
            money(totals.cashFlow[i]?.cumulativeCentimes ?? 0),
          ]),
          "months",
        )}
        <Text style={[pdfStyles.p, { marginTop: 4 }]}>
          {totals.breakEvenMonth === null
            ? t("plans.fin.breakEvenNever")
            : t("plans.fin.breakEven", { month: String(totals.breakEvenMonth) })}
        </Text>
        <Text style={pdfStyles.p}>
          {t("plans.fin.grossMargin", { amount: money(totals.grossMargin.amountCentimes) })}
          {totals.grossMargin.ratePercent === null
            ? ""
            : ` (${t("plans.fin.grossMarginRate", { rate: String(totals.grossMargin.ratePercent) })})`}
        </Text>
        <Text style={[pdfStyles.p, { fontWeight: 700, marginTop: 8 }]}>{t("plans.field.years")}</Text>
        {table(
          ["", t("plans.fin.revenue"), t("plans.fin.costs"), t("plans.fin.result")],
          [
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
          ],
          "years",
        )}
        <Text style={pdfStyles.h2} minPresenceAhead={60}>
          9. {t("plans.step.risks")}
        </Text>
        {field("plans.field.risks", doc.risks.risks)}
        {field("plans.field.mitigation", doc.risks.mitigation)}
      </View>
    </PdfFrame>
  );
}

export function renderPlanPdf(props: Props): Promise<Buffer> {
  return renderPdf(<PlanPdf {...props} />);
}
