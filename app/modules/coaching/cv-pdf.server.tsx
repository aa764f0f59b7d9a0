import { Text, View } from "@react-pdf/renderer";
import type { Locale } from "~/i18n/config";
import { INTL_LOCALE } from "~/i18n/config";
import { serverT } from "~/i18n/dictionaries.server";
import { PdfFrame, pdfDate, pdfStyles } from "~/pdf/kit.server";

export type CvData = {
  name: string;
  contact: string[];
  city: string | null;
  nationality: string | null;
  languagesSpoken: string[];
  languagesRead: string[];
  education: { level?: string; field?: string; diploma?: string; country?: string };
  experience: { role: string; sector: string; years: number; country: string }[];
  skills: string | null;
  seeks: string[];
  trainings: { title: string; endsOn: string }[];
  internships: { host: string; startsOn: string; endsOn: string }[];
};

function displayName(locale: Locale, type: "region" | "language", code: string): string {
  try {
    return new Intl.DisplayNames([INTL_LOCALE[locale]], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The applicant's CV, in their language. Only what an employer should read: no birth
 * date, sex or residence status (the profile holds them for the programme, not for a CV).
 */
export function CvPdf({ locale, data }: { locale: Locale; data: CvData }) {
  const t = serverT(locale);
  const lang = (codes: string[]) => codes.map((c) => displayName(locale, "language", c)).join(", ");
  const education = [
    data.education.diploma,
    data.education.level,
    data.education.field,
    data.education.country ? displayName(locale, "region", data.education.country) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <PdfFrame locale={locale} title={t("coaching.cv.title")}>
      <Text style={pdfStyles.h1}>{data.name}</Text>
      {data.contact.length ? <Text style={pdfStyles.p}>{data.contact.join(" · ")}</Text> : null}
      {data.city ? <Text style={pdfStyles.p}>{data.city}</Text> : null}
      {data.nationality ? (
        <Text style={pdfStyles.p}>
          {t("coaching.cv.nationality", { value: displayName(locale, "region", data.nationality) })}
        </Text>
      ) : null}
      {data.seeks.length ? (
        <>
          <Text style={pdfStyles.h2}>{t("coaching.cv.seeks")}</Text>
          <Text style={pdfStyles.p}>{data.seeks.join(", ")}</Text>
        </>
      ) : null}
      {data.experience.length ? (
        <>
          <Text style={pdfStyles.h2}>{t("coaching.cv.experience")}</Text>
          {data.experience.map((e, i) => (
            <Text key={i} style={pdfStyles.p}>
              {t("coaching.cv.experienceLine", {
                role: e.role,
                sector: e.sector,
                years: e.years,
                country: displayName(locale, "region", e.country),
              })}
            </Text>
          ))}
        </>
      ) : null}
      {data.internships.length ? (
        <>
          <Text style={pdfStyles.h2}>{t("coaching.cv.internships")}</Text>
          {data.internships.map((p, i) => (
            <Text key={i} style={pdfStyles.p}>
              {p.host} · {pdfDate(locale, p.startsOn)} – {pdfDate(locale, p.endsOn)}
            </Text>
          ))}
        </>
      ) : null}
      {education ? (
        <>
          <Text style={pdfStyles.h2}>{t("coaching.cv.education")}</Text>
          <Text style={pdfStyles.p}>{education}</Text>
        </>
      ) : null}
      {data.trainings.length ? (
        <>
          <Text style={pdfStyles.h2}>{t("coaching.cv.trainings")}</Text>
          {data.trainings.map((tr, i) => (
            <Text key={i} style={pdfStyles.p}>
              {tr.title} · {pdfDate(locale, tr.endsOn)}
            </Text>
          ))}
        </>
      ) : null}
      {data.languagesSpoken.length || data.languagesRead.length ? (
        <>
          <Text style={pdfStyles.h2}>{t("coaching.cv.languages")}</Text>
          {data.languagesSpoken.length ? (
            <Text style={pdfStyles.p}>{t("coaching.cv.spoken", { value: lang(data.languagesSpoken) })}</Text>
          ) : null}
          {data.languagesRead.length ? (
            <Text style={pdfStyles.p}>{t("coaching.cv.read", { value: lang(data.languagesRead) })}</Text>
          ) : null}
        </>
      ) : null}
      {data.skills ? (
        <View>
          <Text style={pdfStyles.h2}>{t("coaching.cv.skills")}</Text>
          <Text style={pdfStyles.p}>{data.skills}</Text>
        </View>
      ) : null}
    </PdfFrame>
  );
}
