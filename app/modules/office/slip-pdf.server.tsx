/**
 * The sign-in slip staff print for a person registered in the office: the identifier,
 * the one-time set-up code, until when it works, where to go and what it is for. The
 * code is drawn large and apart (left to right in every language), for people who read
 * little; a QR code opens the set-up page with the identifier filled in (never the code).
 */
import { Image, Text, View } from "@react-pdf/renderer";
import QRCode from "qrcode";
import type { Locale } from "~/i18n/config";
import { formatLoginId } from "~/modules/auth/rules";
import { isolate, pdfDate, PdfFrame, pdfStyles, pdfT } from "~/pdf/kit.server";

type Props = {
  locale: Locale;
  displayName: string;
  loginId: string;
  code: string;
  expiresAt: Date;
  origin: string;
  qr: string;
};

export async function slipQr(origin: string, loginId: string): Promise<string> {
  const url = `${origin}/set-password?identifier=${formatLoginId(loginId)}`;
  return QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 300 });
}

/** "123 456": six digits in two groups, easier to copy. */
function groupedCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

const box = { borderWidth: 1, borderColor: "#0b5e55", borderRadius: 4, padding: 10, marginBottom: 10 } as const;
/**
 * No letter spacing: with it, pdftotext read gaps inside some letter pairs ("WE JD"), so
 * the identifier copied or read aloud from the PDF was not the one printed.
 */
const big = { fontSize: 28, fontWeight: 700, direction: "ltr" } as const;
/** The identifier and the code sit at the start of the line, as the labels above them do. */
const start = (locale: Locale) => ({ textAlign: locale === "ar" ? "right" : "left" }) as const;

export function SlipPdf({ locale, displayName, loginId, code, expiresAt, origin, qr }: Props) {
  const t = pdfT(locale);
  const host = origin.replace(/^https?:\/\//, "");
  return (
    <PdfFrame locale={locale} title={t("office.slipPdf.title")}>
      <Text style={pdfStyles.h1}>{t("office.slipPdf.title")}</Text>
      <Text style={[pdfStyles.p, { marginBottom: 12 }]}>{t("office.slipPdf.for", { name: displayName })}</Text>
      <View style={box}>
        <Text style={pdfStyles.muted}>{t("office.slipPdf.identifier")}</Text>
        <Text style={[big, start(locale)]}>{formatLoginId(loginId)}</Text>
      </View>
      <View style={box}>
        <Text style={pdfStyles.muted}>{t("office.slipPdf.code")}</Text>
        <Text style={[big, start(locale)]}>{groupedCode(code)}</Text>
        <Text style={[pdfStyles.p, { marginTop: 4 }]}>
          {t("office.slipPdf.validUntil", { date: pdfDate(locale, expiresAt) })}
        </Text>
      </View>
      <Text style={pdfStyles.p}>{t("office.slipPdf.what")}</Text>
      <Text style={pdfStyles.p}>{t("office.slipPdf.step1", { url: `${host}/set-password` })}</Text>
      <Text style={pdfStyles.p}>{t("office.slipPdf.step2")}</Text>
      <Text style={pdfStyles.p}>{t("office.slipPdf.step3", { url: `${host}/login` })}</Text>
      <View style={{ marginTop: 10, alignItems: "center" }}>
        <Image src={qr} style={{ width: 120, height: 120 }} />
        <Text style={[pdfStyles.muted, { direction: "ltr", fontSize: 9 }]}>{isolate(`${host}/set-password`)}</Text>
      </View>
      <Text style={[pdfStyles.p, pdfStyles.muted, { marginTop: 10 }]}>{t("office.slipPdf.keep")}</Text>
    </PdfFrame>
  );
}
