/**
 * The paper signature sheet of an aid round: the round, its dates, what each person
 * receives (per person, or per member of the household), then one row per person still
 * to receive it, with their case reference and a column to sign or thumbprint, and blank
 * rows. Used where hand-outs are recorded afterwards from the signed paper.
 */
import { Text, View } from "@react-pdf/renderer";
import type { Locale } from "~/i18n/config";
import type { Trilingual } from "~/lib/localized";
import { pdfDate, PdfFrame, pdfLocalized, pdfNumber, pdfStyles, pdfT } from "~/pdf/kit.server";
import { SignatureTable, type SheetColumn } from "~/pdf/signature-sheet.server";
import type { SheetPerson } from "./round-sheet.server";

export type RoundSheetData = {
  round: { name: string; startsOn: string; endsOn: string; perHousehold: boolean };
  items: readonly (Trilingual<"name"> & { quantity: number })[];
  people: readonly SheetPerson[];
};

export function RoundSheetPdf({ locale, data }: { locale: Locale; data: RoundSheetData }) {
  const t = pdfT(locale);
  const { round } = data;
  const kit = data.items.map((i) =>
    t("sheets.round.kitItem", { quantity: pdfNumber(locale, i.quantity), name: pdfLocalized(i, "name", locale) }),
  );
  const columns: SheetColumn[] = [
    { header: t("sheets.number"), weight: 0.5 },
    { header: t("sheets.round.reference"), weight: 1.6 },
    { header: t("sheets.name"), weight: 3.2 },
    ...(round.perHousehold ? [{ header: t("sheets.round.household"), weight: 1 }] : []),
    { header: t("sheets.signature"), weight: 2.7 },
  ];
  return (
    <PdfFrame locale={locale} title={t("sheets.round.title")}>
      <Text style={pdfStyles.h1}>{t("sheets.round.title")}</Text>
      <View style={{ marginBottom: 10 }}>
        <Text style={pdfStyles.p}>{t("sheets.round.round", { name: round.name })}</Text>
        <Text style={pdfStyles.p}>
          {t("sheets.round.dates", { start: pdfDate(locale, round.startsOn), end: pdfDate(locale, round.endsOn) })}
        </Text>
        <Text style={pdfStyles.p}>
          {t(round.perHousehold ? "sheets.round.kitPerMember" : "sheets.round.kitPerPerson", {
            // a mark of the page's direction first: the list of isolated items reads in
            // the document's order (right to left in Arabic), not in the first item's
            kit: `${locale === "ar" ? "\u200f" : "\u200e"}${kit.join(t("sheets.round.kitSeparator"))}`,
          })}
        </Text>
        <Text style={[pdfStyles.p, pdfStyles.muted]}>{t("sheets.round.count", { count: data.people.length })}</Text>
      </View>
      <SignatureTable
        columns={columns}
        rows={data.people.map((p, i) => [
          String(i + 1),
          p.reference,
          p.name,
          ...(round.perHousehold ? [pdfNumber(locale, p.householdSize)] : []),
        ])}
      />
    </PdfFrame>
  );
}
