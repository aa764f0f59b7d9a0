/** What every section of the plan PDF writes with: the language, amounts, labelled fields, headings. */
import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Locale } from "~/i18n/config";
import type { MessageKey, TFunction } from "~/i18n/translate";
import { formatMoneyForPdf } from "~/lib/money";
import { pdfStyles, pdfT, TypedText } from "~/pdf/kit.server";

/** The document's language: its translations and its amounts ("—" where none was given). */
export type PlanPdfWriter = { t: TFunction; money: (centimes: number | null) => string };

export function planPdfWriter(locale: Locale): PlanPdfWriter {
  return {
    t: pdfT(locale),
    money: (c) => (c === null ? "—" : formatMoneyForPdf(locale, c)),
  };
}

/**
 * A label in bold and what the person wrote: the label never alone at the foot of a page,
 * the text free to run over pages (a person may write more than a page).
 */
export function PlanField({ w, label, value }: { w: PlanPdfWriter; label: MessageKey; value: string }) {
  return (
    <View>
      <Text style={[pdfStyles.p, { fontWeight: 700 }]} minPresenceAhead={30}>
        {w.t(label)}
      </Text>
      <TypedText style={[pdfStyles.p]}>{value.trim() ? value : w.t("plans.pdf.notProvided")}</TypedText>
    </View>
  );
}

/** A numbered section heading, never left alone at the foot of a page. */
export function SectionHeading({ children }: { children: ReactNode }) {
  return (
    <Text style={pdfStyles.h2} minPresenceAhead={60}>
      {children}
    </Text>
  );
}

/** The month the plan breaks even, or that it does not within the months entered. */
export function breakEvenText(w: PlanPdfWriter, month: number | null): string {
  return month === null ? w.t("plans.fin.breakEvenNever") : w.t("plans.fin.breakEven", { month: String(month) });
}
