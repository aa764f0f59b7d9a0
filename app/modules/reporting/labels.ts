/**
 * Turning report labels and cells into text, the same way on the page, in the CSV
 * and in the PDF.
 */
import { codeLabel, countryName } from "~/i18n/codes";
import { numberFormat, type Locale } from "~/i18n/config";
import { formatMonth, type MessageKey, type TFunction } from "~/i18n/translate";
import { formatMoney, moneyDecimal } from "~/lib/money";
import { REGIONS, RESULTS } from "./frameworks";
import type { Cell, ColumnFormat, Label } from "./report-tables";

export function labelText(label: Label, t: TFunction, locale: Locale): string {
  if ("key" in label) return t(label.key);
  if ("text" in label) return label.text;
  if ("month" in label) return formatMonth(locale, label.month);
  if ("country" in label) return countryName(locale, label.country);
  if ("indicatorGroup" in label) {
    const result = label.indicatorGroup;
    if (result === null) return t("reporting.targets.objective");
    return t("reporting.targets.result", {
      n: String(RESULTS.indexOf(result) + 1),
      result: t(`reporting.result.${result}`),
    });
  }
  if ("region" in label) {
    const region = REGIONS.find((r) => r.code === label.region);
    return region ? codeLabel(t, "region", region.key) : t("reporting.unknown");
  }
  // sub-categories come from the modules' enums ("month_3:hired_by_host"); translated when a key exists
  return label.detail
    .split(":")
    .map((part) => {
      const key = `reporting.detail.${part}` as MessageKey;
      const text = t(key);
      return text === key ? part.replace(/_/g, " ") : text;
    })
    .join(" · ");
}

export function isLabel(cell: Cell): cell is Label {
  return typeof cell === "object" && cell !== null;
}

export function cellText(cell: Cell, format: ColumnFormat, t: TFunction, locale: Locale): string {
  if (cell === null) return "—";
  if (isLabel(cell)) return labelText(cell, t, locale);
  if (typeof cell === "string") return cell;
  if (format === "mad") return formatMoney(locale, cell, "MAD");
  if (format === "usd") return formatMoney(locale, cell, "USD");
  if (format === "percent")
    return numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(cell / 100);
  return numberFormat(locale).format(cell);
}

/** The plain value for a CSV cell: amounts in units with two decimals, counts as integers. */
export function csvValue(cell: Cell, format: ColumnFormat, t: TFunction, locale: Locale): string | number | null {
  if (cell === null) return null;
  // a month stays "2026-10" in a CSV: its column is tagged #date, which tools read as ISO
  if (isLabel(cell) && "month" in cell) return cell.month;
  if (isLabel(cell)) return labelText(cell, t, locale);
  if (typeof cell === "string") return cell;
  if (format === "mad" || format === "usd") return moneyDecimal(cell);
  return cell;
}
