/**
 * The paper attendance sheet of a training session: the training, cohort, day, time and
 * place, the trainer, then one row per confirmed participant with a column to sign, and
 * blank rows for anyone who came without being registered. Printed before the session;
 * the register is then taken on the session's page.
 */
import { Text, View } from "@react-pdf/renderer";
import type { Locale } from "~/i18n/config";
import type { Trilingual } from "~/lib/localized";
import { moroccoDateTime } from "~/lib/morocco-time";
import { pdfDate, PdfFrame, pdfLocalized, pdfStyles, pdfT } from "~/pdf/kit.server";
import { SignatureTable } from "~/pdf/signature-sheet.server";

export type AttendanceSheetData = {
  training: Trilingual<"title">;
  cohort: Trilingual<"name">;
  session: Trilingual<"place"> & { startsAt: Date; durationMinutes: number; trainerName: string | null };
  participants: readonly { displayName: string }[];
};

export function AttendanceSheetPdf({ locale, data }: { locale: Locale; data: AttendanceSheetData }) {
  const t = pdfT(locale);
  const { session } = data;
  const start = moroccoDateTime(session.startsAt).time;
  const end = moroccoDateTime(new Date(session.startsAt.getTime() + session.durationMinutes * 60_000)).time;
  const place = pdfLocalized(session, "place", locale);
  return (
    <PdfFrame locale={locale} title={t("sheets.attendance.title")}>
      <Text style={pdfStyles.h1}>{t("sheets.attendance.title")}</Text>
      <View style={{ marginBottom: 10 }}>
        <Text style={pdfStyles.p}>
          {t("sheets.attendance.training", { title: pdfLocalized(data.training, "title", locale) })}
        </Text>
        <Text style={pdfStyles.p}>
          {t("sheets.attendance.cohort", { name: pdfLocalized(data.cohort, "name", locale) })}
        </Text>
        <Text style={pdfStyles.p}>
          {t("sheets.attendance.when", { date: pdfDate(locale, session.startsAt), start, end })}
        </Text>
        <Text style={pdfStyles.p}>
          {place ? t("sheets.attendance.place", { place }) : t("sheets.attendance.placeBlank")}
        </Text>
        <Text style={pdfStyles.p}>
          {session.trainerName
            ? t("sheets.attendance.trainer", { name: session.trainerName })
            : t("sheets.attendance.trainerBlank")}
        </Text>
        <Text style={[pdfStyles.p, pdfStyles.muted]}>
          {t("sheets.attendance.count", { count: data.participants.length })}
        </Text>
      </View>
      <SignatureTable
        columns={[
          { header: t("sheets.number"), weight: 0.5 },
          { header: t("sheets.name"), weight: 4 },
          { header: t("sheets.signature"), weight: 3.5 },
        ]}
        rows={data.participants.map((p, i) => [String(i + 1), p.displayName])}
      />
    </PdfFrame>
  );
}
