/** A purchase voucher to print and hand over: value, code in words and as a QR code. */
import { Image, Text, View } from "@react-pdf/renderer";
import QRCode from "qrcode";
import type { Locale } from "~/i18n/config";
import { formatMoneyForPdf } from "~/lib/money";
import { pdfDate, PdfFrame, pdfStyles, pdfT } from "~/pdf/kit.server";

export async function voucherQr(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 360 });
}

type Props = {
  locale: Locale;
  code: string;
  valueCentimes: number;
  firstName: string;
  reference: string;
  issuedAt: Date;
  /** the last Moroccan day it can be redeemed */
  expiresOn: string;
  qr: string;
};

export function VoucherPdf({ locale, code, valueCentimes, firstName, reference, issuedAt, expiresOn, qr }: Props) {
  const t = pdfT(locale);
  return (
    <PdfFrame locale={locale} title={t("aid.voucher.title")}>
      <Text style={pdfStyles.h1}>{t("aid.voucher.title")}</Text>
      <Text style={pdfStyles.h2}>{formatMoneyForPdf(locale, valueCentimes)}</Text>
      <Text style={pdfStyles.p}>
        {firstName} · {reference}
      </Text>
      <Text style={[pdfStyles.p, pdfStyles.muted]}>{t("aid.voucher.issued", { date: pdfDate(locale, issuedAt) })}</Text>
      <Text style={pdfStyles.p}>{t("aid.voucher.validUntil", { date: pdfDate(locale, expiresOn) })}</Text>
      <View style={{ marginTop: 16, alignItems: "center" }}>
        <Image src={qr} style={{ width: 180, height: 180 }} />
        <Text style={{ fontSize: 18, marginTop: 8, direction: "ltr" }}>{code}</Text>
      </View>
      <Text style={[pdfStyles.p, { marginTop: 16 }]}>{t("aid.voucher.once")}</Text>
    </PdfFrame>
  );
}
