import type { ReactNode } from "react";
import { Text, View } from "@react-pdf/renderer";
import { codeLabel, countryName } from "~/i18n/codes";
import type { Locale } from "~/i18n/config";
import { pdfDate, PdfFrame, pdfStyles, pdfT, TypedText } from "~/pdf/kit.server";

export type CvData = {
  name: string;
  contact: string[];
  /** A town code of the towns list (`other` for a town outside it). */
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
  /** `sector`: the host's sector, a code (app/i18n/codes.ts) */
  internships: { host: string; sector: string | null; startsOn: string; endsOn: string }[];
};

/** A heading and what follows it, drawn only when there is something to show. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Text style={pdfStyles.h2}>{title}</Text>
      {children}
    </>
  );
}

/** Education and place of living as one line each, in the reader's language. */
function summaryLines(locale: Locale, data: CvData, t: ReturnType<typeof pdfT>) {
  const education = [
    data.education.diploma,
    data.education.level ? codeLabel(t, "education", data.education.level) : null,
    data.education.field,
    data.education.country ? countryName(locale, data.education.country) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const place = [
    data.city ? codeLabel(t, "city", data.city) : null,
    data.region ? codeLabel(t, "region", data.region) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return { education, place };
}

/**
 * The applicant's CV, in their language. Only what an employer should read: no birth
 * date, sex or residence status (the profile holds them for the programme, not for a CV).
 */
export function CvPdf({ locale, data }: { locale: Locale; data: CvData }) {
  const t = pdfT(locale);
  const list = (items: string[]) => items.join(t("coaching.cv.separator"));
  const lang = (codes: string[]) => list(codes.map((c) => codeLabel(t, "language", c)));
  const { education, place } = summaryLines(locale, data, t);
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
        <Section title={t("coaching.cv.seeks")}>
          <Text style={pdfStyles.p}>{list(data.seeks.map((code) => codeLabel(t, "seeks", code)))}</Text>
        </Section>
      ) : null}
      {data.experience.length ? (
        <Section title={t("coaching.cv.experience")}>
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
        </Section>
      ) : null}
      {data.internships.length ? (
        <Section title={t("coaching.cv.internships")}>
          {data.internships.map((p, i) => (
            <Text key={i} style={pdfStyles.p}>
              {[p.host, p.sector ? codeLabel(t, "sector", p.sector) : null].filter(Boolean).join(" · ")} ·{" "}
              {pdfDate(locale, p.startsOn)} – {pdfDate(locale, p.endsOn)}
            </Text>
          ))}
        </Section>
      ) : null}
      {education ? (
        <Section title={t("coaching.cv.education")}>
          <Text style={pdfStyles.p}>{education}</Text>
        </Section>
      ) : null}
      {data.trainings.length ? (
        <Section title={t("coaching.cv.trainings")}>
          {data.trainings.map((tr, i) => (
            <Text key={i} style={pdfStyles.p}>
              {tr.title} · {pdfDate(locale, tr.endsOn)}
            </Text>
          ))}
        </Section>
      ) : null}
      {data.languagesSpoken.length || data.languagesRead.length ? (
        <Section title={t("coaching.cv.languages")}>
          {data.languagesSpoken.length ? (
            <Text style={pdfStyles.p}>{t("coaching.cv.spoken", { value: lang(data.languagesSpoken) })}</Text>
          ) : null}
          {data.languagesRead.length ? (
            <Text style={pdfStyles.p}>{t("coaching.cv.read", { value: lang(data.languagesRead) })}</Text>
          ) : null}
        </Section>
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
