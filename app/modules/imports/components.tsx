/** The pieces of the import pages: the columns a list may have, a row to check. */
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { TableWrap } from "~/components/table-wrap";
import { CASE_COLUMNS, CASE_FIELDS, REQUIRED_CASE_FIELDS, type CaseField } from "./rules";

const PERSON_FIELDS = new Set<CaseField>([
  "firstName",
  "lastName",
  "nameArabic",
  "sex",
  "dateOfBirth",
  "estimatedAge",
  "nationality",
  "languages",
  "phone",
  "documentNumber",
  "city",
  "householdSize",
]);

/** The label of a field of a list: the registration form's where it has one. */
export function fieldLabel(field: CaseField | "row"): MessageKey {
  if (field === "row") return "imports.field.row";
  return PERSON_FIELDS.has(field)
    ? (`protection.field.${field}` as MessageKey)
    : (`imports.field.${field}` as MessageKey);
}

/** The documented columns: the field, whether it is required, the header names read. */
export function ColumnsHelp() {
  const { t } = useI18n();
  return (
    <details className="card">
      <summary>{t("imports.columns.title")}</summary>
      <p className="hint">{t("imports.columns.intro")}</p>
      <p className="hint">{t("imports.columns.values")}</p>
      <TableWrap label={t("imports.columns.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("imports.columns.field")}</th>
              <th scope="col">{t("imports.columns.names")}</th>
            </tr>
          </thead>
          <tbody>
            {CASE_FIELDS.map((field) => (
              <tr key={field}>
                <td>
                  {t(fieldLabel(field))}
                  {REQUIRED_CASE_FIELDS.includes(field) ? ` (${t("imports.columns.required")})` : null}
                </td>
                <td dir="ltr">
                  <code>{CASE_COLUMNS[field].join(", ")}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </details>
  );
}
