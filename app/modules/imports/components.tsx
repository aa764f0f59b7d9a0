/** The pieces of the import pages: the columns a list may have, a row to check. */
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { TableWrap } from "~/components/table-wrap";
import { COLUMNS_OF, fieldsOf, REQUIRED_OF, type ImportField, type ImportKind } from "./rules";

const PERSON_FIELDS = new Set<ImportField>([
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
export function fieldLabel(field: ImportField | "row"): MessageKey {
  if (field === "row") return "imports.field.row";
  return PERSON_FIELDS.has(field)
    ? (`protection.field.${field}` as MessageKey)
    : (`imports.field.${field}` as MessageKey);
}

const VALUES: Record<ImportKind, MessageKey> = {
  cases: "imports.columns.values",
  applicants: "imports.columns.valuesApplicants",
  attendance: "imports.columns.valuesAttendance",
};

/** The documented columns of a kind of list: the field, whether it is required, the header names read. */
export function ColumnsHelp({ kind }: { kind: ImportKind }) {
  const { t } = useI18n();
  const title = t("imports.columns.titleOf", { kind: t(`imports.kind.${kind}`) });
  return (
    <details className="card" data-columns={kind}>
      <summary>{title}</summary>
      <p className="hint">{t("imports.columns.intro")}</p>
      <p className="hint">{t(VALUES[kind])}</p>
      <TableWrap label={title}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("imports.columns.field")}</th>
              <th scope="col">{t("imports.columns.names")}</th>
            </tr>
          </thead>
          <tbody>
            {fieldsOf(kind).map((field) => (
              <tr key={field}>
                <td>
                  {t(fieldLabel(field))}
                  {REQUIRED_OF[kind].includes(field) ? ` (${t("imports.columns.required")})` : null}
                </td>
                <td dir="ltr">
                  <code>{(COLUMNS_OF[kind][field] ?? []).join(", ")}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </details>
  );
}
