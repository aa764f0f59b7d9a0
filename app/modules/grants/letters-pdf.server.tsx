/**
 * The award letter and the rejection letter, in the applicant's language: amount,
 * conditions, tranches and the reference; or the committee's comments.
 */
import { Text, View } from "@react-pdf/renderer";
import type { Locale } from "~/i18n/config";
import { pdfDate, PdfFrame, pdfNumber, pdfStyles, PdfTable, pdfT, TypedText } from "~/pdf/kit.server";
import type { MessageKey } from "~/i18n/translate";
import { formatMoneyForPdf } from "~/lib/money";

export type LetterData = {
  locale: Locale;
  applicantName: string;
  callTitle: string;
  number: number;
  decidedAt: Date;
  award: { reference: string; amountCentimes: number } | null;
  tranches: { condition: "signature" | "business_started" | "six_months"; percent: number; amountCentimes: number }[];
  comment: string | null;
};

export function LetterPdf(d: LetterData) {
  const t = pdfT(d.locale);
  const title = d.award ? t("grants.pdf.awardTitle") : t("grants.pdf.rejectionTitle");
  return (
    <PdfFrame locale={d.locale} title={title} generatedAt={d.decidedAt}>
      <Text style={pdfStyles.h1}>{title}</Text>
      {d.award ? <Text style={pdfStyles.p}>{t("grants.pdf.reference", { reference: d.award.reference })}</Text> : null}
      <Text style={[pdfStyles.p, pdfStyles.muted]}>{pdfDate(d.locale, d.decidedAt)}</Text>
      <Text style={pdfStyles.p}>{t("grants.pdf.dear", { name: d.applicantName })}</Text>
      {d.award ? (
        <View>
          <Text style={pdfStyles.p}>
            {t("grants.pdf.awardBody", {
              call: d.callTitle,
              amount: formatMoneyForPdf(d.locale, d.award.amountCentimes),
            })}
          </Text>
          <Text style={pdfStyles.h2}>{t("grants.pdf.tranches")}</Text>
          {d.tranches.map((tr, i) => (
            <View key={i} style={pdfStyles.row}>
              <Text style={pdfStyles.cell}>{t(`grants.condition.${tr.condition}` as MessageKey)}</Text>
              <Text style={pdfStyles.cell}>{t("grants.pdf.percent", { percent: tr.percent })}</Text>
              <Text style={pdfStyles.cell}>{formatMoneyForPdf(d.locale, tr.amountCentimes)}</Text>
            </View>
          ))}
          <Text style={pdfStyles.h2}>{t("grants.pdf.conditions")}</Text>
          <Text style={pdfStyles.p}>{t("grants.pdf.conditionsBody")}</Text>
        </View>
      ) : (
        <View>
          <Text style={pdfStyles.p}>{t("grants.pdf.rejectionBody", { call: d.callTitle })}</Text>
          <Text style={pdfStyles.p}>{t("grants.pdf.encouragement")}</Text>
        </View>
      )}
      <Text style={pdfStyles.h2}>{t("grants.pdf.comments")}</Text>
      {d.comment ? (
        <TypedText style={[pdfStyles.p]}>{d.comment}</TypedText>
      ) : (
        <Text style={pdfStyles.p}>{t("grants.pdf.noComment")}</Text>
      )}
    </PdfFrame>
  );
}

export type ReportData = {
  locale: Locale;
  callTitle: string;
  budgetCentimes: number;
  awardedCentimes: number;
  applications: number;
  ranking: {
    rank: number;
    number: number;
    mean: number;
    sd: number;
    disagreement: boolean;
    awardedCentimes: number | null;
  }[];
};

/** The call report: figures and the ranking with the decisions, for the steering committee. */
export function CallReportPdf(d: ReportData) {
  const t = pdfT(d.locale);
  const title = t("grants.pdf.reportTitle", { call: d.callTitle });
  return (
    <PdfFrame locale={d.locale} title={title}>
      <Text style={pdfStyles.h1}>{title}</Text>
      <Text style={pdfStyles.p}>
        {t("grants.pdf.summary", {
          applications: d.applications,
          awards: d.ranking.filter((r) => r.awardedCentimes).length,
          awarded: formatMoneyForPdf(d.locale, d.awardedCentimes),
          budget: formatMoneyForPdf(d.locale, d.budgetCentimes),
        })}
      </Text>
      <Text style={pdfStyles.h2}>{t("grants.call.ranking")}</Text>
      <PdfTable
        headers={(
          [
            "grants.col.rank",
            "grants.col.number",
            "grants.col.mean",
            "grants.col.sd",
            "grants.col.flag",
            "grants.col.amount",
          ] as const
        ).map((k) => t(k))}
        rows={d.ranking.map((r) => [
          String(r.rank),
          String(r.number),
          pdfNumber(d.locale, r.mean, 1),
          pdfNumber(d.locale, r.sd, 1),
          r.disagreement ? t("form.yes") : t("form.no"),
          r.awardedCentimes ? formatMoneyForPdf(d.locale, r.awardedCentimes) : "—",
        ])}
      />
    </PdfFrame>
  );
}
