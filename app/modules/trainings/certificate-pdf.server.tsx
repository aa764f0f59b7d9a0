import { Text, View } from "@react-pdf/renderer";
import type { Locale } from "~/i18n/config";
import { pdfDate, PdfFrame, pdfStyles, pdfT } from "~/pdf/kit.server";

export type CertificateData = {
  displayName: string;
  trainingTitle: string;
  startsOn: string;
  endsOn: string;
  issuedAt: Date;
  code: string;
  verifyUrl: string;
};

/** The certificate of completion, in the holder's language, with its verification code. */
export function CertificatePdf({ locale, data }: { locale: Locale; data: CertificateData }) {
  const t = pdfT(locale);
  return (
    <PdfFrame locale={locale} title={t("trainings.pdf.title")} generatedAt={data.issuedAt}>
      <View>
        <Text style={pdfStyles.h1}>{t("trainings.pdf.title")}</Text>
        <Text style={pdfStyles.p}>{t("trainings.pdf.certifies")}</Text>
        <Text style={pdfStyles.h2}>{data.displayName}</Text>
        <Text style={pdfStyles.p}>{t("trainings.pdf.completed")}</Text>
        <Text style={pdfStyles.h2}>{data.trainingTitle}</Text>
        <Text style={pdfStyles.p}>
          {t("trainings.pdf.dates", { start: pdfDate(locale, data.startsOn), end: pdfDate(locale, data.endsOn) })}
        </Text>
        <Text style={pdfStyles.p}>{t("trainings.pdf.issued", { date: pdfDate(locale, data.issuedAt) })}</Text>
        <Text style={[pdfStyles.p, pdfStyles.muted]}>{t("trainings.pdf.verify")}</Text>
        <Text style={[pdfStyles.p, { direction: "ltr" }]}>{data.code}</Text>
        <Text style={[pdfStyles.p, pdfStyles.muted, { direction: "ltr" }]}>{data.verifyUrl}</Text>
      </View>
    </PdfFrame>
  );
}
