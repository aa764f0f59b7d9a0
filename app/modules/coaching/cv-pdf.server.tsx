import { Text, View } from "@react-pdf/renderer";
import { codeLabel, countryName } from "~/i18n/codes";
import type { Locale } from "~/i18n/config";
import { pdfDate, PdfFrame, pdfStyles, pdfT, TypedText } from "~/pdf/kit.server";

export type CvData = {
  name: string;
  contact: string[];
  city: string | null;
  /** A region code of profiles' REGIONS. */
  region: string | null;
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

/**
 * The applicant's CV, in their language. Only what an employer should read: no birth
 * date, sex or residence status (the profile holds them for the programme, not for a CV).
 */
export function CvPdf({ locale, data }: { locale: Locale; data: CvData }) {
  const t = pdfT(locale);
  const list = (items: string[]) => items.join(t("coaching.cv.separator"));
  const lang = (codes: string[]) => list(codes.map((c) => codeLabel(t, "language", c)));
  const education = [
    data.education.diploma,
    data.education.level ? codeLabel(t, "education", data.education.level) : null,
    data.education.field,
    data.education.country ? countryName(locale, data.education.country) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const place = [data.city, data.region ? codeLabel(t, "region", data.region) : null].filter(Boolean).join(" · ");
  return (
    <PdfFrame locale={locale} title={t("coaching.cv.title")}>
      <Text style={[pdfStyles.muted]}>{t("coaching.cv.title")}</Text>
      <Text style={pdfStyles.h1}>{data.name}</Text>
      {data.contact.length ? <Text style={pdfStyles.p}>{data.contact.join(" · ")}</Text> : null}
      {place ? <Text style={pdfStyles.p}>{place}</Text> : null}
      {data.nationality ? (
        <Text style={pdfStyles.p}>
          {t("coaching.cv.nationality", { value: countryName(locale, data.nationality) })}
        </Text>
      ) : null}
      {data.seeks.length ? (
        <>
          <Text style={pdfStyles.h2}>{t("coaching.cv.seeks")}</Text>
          <Text style={pdfStyles.p}>{list(data.seeks.map((code) => codeLabel(t, "seeks", code)))}</Text>
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
                country: countryName(locale, e.country),
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
          <TypedText style={[pdfStyles.p]}>{data.skills}</TypedText>
        </View>
      ) : null}
    </PdfFrame>
  );
}
