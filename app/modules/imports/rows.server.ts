/**
 * A row of a case list checked as registration checks a person (the protection module's
 * PersonSchema: the same limits and the same messages), plus the consent a case file
 * cannot be opened without.
 */
import type { Locale } from "~/i18n/config";
import { countryCodeOf, townCodeOf } from "~/i18n/codes.server";
import type { MessageKey } from "~/i18n/translate";
import { PersonSchema, type PersonFieldsInput } from "~/modules/protection/schemas.server";
import {
  CASE_FIELDS,
  readDay,
  readLanguage,
  readSex,
  readWholeNumber,
  readYesNo,
  type Cells,
  type ImportField,
  type RowProblem,
} from "./rules";

export type ImportedPerson = PersonFieldsInput & {
  consentReporting: boolean;
  consentSms: boolean;
  consentLanguage: Locale;
};

/** The consent columns read; a problem for each that is not a yes or a no. */
function readConsents(cells: Cells, locale: Locale, problems: RowProblem[]) {
  const answer = (field: "consentServices" | "consentReporting" | "consentSms") => {
    const value = readYesNo(cells[field] ?? "");
    if (value === null) problems.push({ field, message: "imports.problems.yesNo" });
    return value === true;
  };
  const services = answer("consentServices");
  if (!services && !problems.some((p) => p.field === "consentServices"))
    problems.push({ field: "consentServices", message: "protection.errors.consentServices" });
  const language = readLanguage(cells.consentLanguage ?? "", locale);
  if (!language) problems.push({ field: "consentLanguage", message: "imports.problems.language" });
  return { consentReporting: answer("consentReporting"), consentSms: answer("consentSms"), language };
}

/** The person of a row, or the problems that keep it out (every one at once). */
export function checkCaseRow(cells: Cells, locale: Locale): { person: ImportedPerson | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  if (CASE_FIELDS.some((f) => cells[f]?.includes("\u0000")))
    return { person: null, problems: [{ field: "row", message: "errors.invalid" }] };
  const day = readDay(cells.dateOfBirth ?? "");
  if (day === null) problems.push({ field: "dateOfBirth", message: "protection.errors.dateOfBirth" });
  const sex = cells.sex ? readSex(cells.sex) : undefined;
  const input: Record<string, string> = {};
  const put = (field: string, value: string | undefined) => {
    if (value) input[field] = value;
  };
  for (const field of ["firstName", "lastName", "nameArabic", "languages", "phone", "documentNumber"] as const)
    put(field, cells[field]);
  // a town and a nationality as typed in the sheet, read as codes of their lists; what
  // names nothing of the list stays as typed, and the schema names the row's problem
  put("city", townCodeOf(cells.city) ?? cells.city);
  put("nationality", countryCodeOf(cells.nationality) ?? cells.nationality);
  put("sex", sex ?? cells.sex);
  put("dateOfBirth", day ?? undefined);
  put("estimatedAge", readWholeNumber(cells.estimatedAge ?? ""));
  input.householdSize = readWholeNumber(cells.householdSize ?? "") || "1";
  const parsed = PersonSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "row") as ImportField | "row";
      if (!problems.some((p) => p.field === field)) problems.push({ field, message: issue.message as MessageKey });
    }
  }
  const consents = readConsents(cells, locale, problems);
  if (!parsed.success || problems.length || !consents.language) return { person: null, problems };
  return {
    person: {
      ...parsed.data,
      consentReporting: consents.consentReporting,
      consentSms: consents.consentSms,
      consentLanguage: consents.language,
    },
    problems,
  };
}
