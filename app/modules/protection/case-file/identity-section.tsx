import { Form } from "@remix-run/react";
import { FieldError } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { CaseFileData } from "./data.server";
import { Section, useIntentResult } from "./section";

export function IdentitySection({ d }: { d: CaseFileData }) {
  const { t } = useI18n();
  const c = d.case;
  return (
    <Section title="protection.case.identity" id="identity">
      <dl className="facts">
        <dt>{t("protection.field.sex")}</dt>
        <dd>{t(`protection.sex.${c.sex}`)}</dd>
        <dt>{t("protection.field.age")}</dt>
        <dd>{d.age ?? "—"}</dd>
        <dt>{t("protection.field.nationality")}</dt>
        <dd>{c.nationality ?? "—"}</dd>
        <dt>{t("protection.field.languages")}</dt>
        <dd>{c.languages ?? "—"}</dd>
        <dt>{t("protection.field.phone")}</dt>
        <dd dir="ltr">{c.phone ?? "—"}</dd>
        <dt>{t("protection.field.documentNumber")}</dt>
        <dd dir="ltr">{c.documentNumber ?? "—"}</dd>
        <dt>{t("protection.field.city")}</dt>
        <dd>{c.city ?? "—"}</dd>
        <dt>{t("protection.field.householdSize")}</dt>
        <dd>{c.householdSize}</dd>
        {c.householdNotes ? (
          <>
            <dt>{t("protection.field.householdNotes")}</dt>
            <dd>{c.householdNotes}</dd>
          </>
        ) : null}
        <dt>{t("protection.field.applicantContact")}</dt>
        <dd>{t(c.applicantUserId ? "protection.case.linkedAccount" : "protection.case.noAccount")}</dd>
        <dt>{t("protection.case.assignedTo")}</dt>
        <dd>{d.staff.find((s) => s.id === c.assignedToId)?.displayName ?? "—"}</dd>
      </dl>
      {d.own && !c.anonymisedAt ? <AssignForm d={d} /> : null}
    </Section>
  );
}

function AssignForm({ d }: { d: CaseFileData }) {
  const { t } = useI18n();
  const { errors } = useIntentResult("assign");
  return (
    <Form method="post" className="filters">
      <input type="hidden" name="intent" value="assign" />
      <label>
        {t("protection.case.assign")}
        <select name="assignedToId" defaultValue={d.case.assignedToId ?? ""}>
          {d.staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-secondary">
        {t("protection.case.assign")}
      </button>
      <FieldError name="assignedToId" errors={errors} />
    </Form>
  );
}
