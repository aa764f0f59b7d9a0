import { labelled } from "~/i18n/translate";
import { Text, View } from "@react-pdf/renderer";
import { codeLabel, type Code } from "~/i18n/codes";
import type { Locale } from "~/i18n/config";
import { formatMoneyForPdf } from "~/lib/money";
import { pdfDate, PdfFrame, pdfStyles, pdfT } from "~/pdf/kit.server";

export type AgreementData = {
  beneficiaryName: string;
  beneficiaryContact: string;
  hostName: string;
  hostCity: Code<"city"> | null;
  /** the host's sector, a code (app/i18n/codes.ts); null for a host recorded without details */
  hostSector: string | null;
  hostContact: string;
  tutorName: string;
  coachName: string;
  startsOn: string;
  endsOn: string;
  stipendCentimes: number;
};

/** The internship agreement (convention de stage) between the intern, the host and the programme. */
export function AgreementPdf({ locale, data }: { locale: Locale; data: AgreementData }) {
  const t = pdfT(locale);
  const row = (label: string, value: string) => (
    <View style={pdfStyles.row}>
      <Text style={pdfStyles.headerCell}>{label}</Text>
      <Text style={pdfStyles.cell}>{value}</Text>
    </View>
  );
  const stipend = formatMoneyForPdf(locale, data.stipendCentimes);
  return (
    <PdfFrame locale={locale} title={t("internships.pdf.title")}>
      <Text style={pdfStyles.h1}>{t("internships.pdf.title")}</Text>
      <Text style={pdfStyles.p}>{t("internships.pdf.intro")}</Text>
      <Text style={pdfStyles.h2}>{t("internships.pdf.parties")}</Text>
      {row(t("internships.pdf.intern"), `${data.beneficiaryName} · ${data.beneficiaryContact}`)}
      {row(
        t("internships.pdf.host"),
        [
          data.hostName,
          data.hostSector ? codeLabel(t, "sector", data.hostSector) : null,
          data.hostCity ? codeLabel(t, "city", data.hostCity) : null,
          data.hostContact,
        ]
          .filter(Boolean)
          .join(" · "),
      )}
      {row(
        t("internships.pdf.programme"),
        `Programme Masar · ${labelled(t, "internships.pdf.coach")} ${data.coachName}`,
      )}
      <Text style={pdfStyles.h2}>{t("internships.pdf.terms")}</Text>
      {row(t("internships.pdf.tutor"), data.tutorName)}
      {row(t("internships.pdf.period"), `${pdfDate(locale, data.startsOn)} – ${pdfDate(locale, data.endsOn)}`)}
      {row(t("internships.pdf.stipend"), stipend)}
      <Text style={pdfStyles.h2}>{t("internships.pdf.commitments")}</Text>
      <Text style={pdfStyles.p}>{t("internships.pdf.commitHost")}</Text>
      <Text style={pdfStyles.p}>{t("internships.pdf.commitIntern")}</Text>
      <Text style={pdfStyles.p}>{t("internships.pdf.commitProgramme")}</Text>
      <Text style={pdfStyles.h2}>{t("internships.pdf.signatures")}</Text>
      {row(t("internships.pdf.intern"), "")}
      {row(t("internships.pdf.host"), "")}
      {row(t("internships.pdf.programme"), "")}
    </PdfFrame>
  );
}
