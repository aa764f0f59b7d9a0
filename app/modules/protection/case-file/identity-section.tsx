import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { SelectField } from "~/components/form";
import { codeLabel } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { CaseFileData } from "./data.server";
import { NotShared, Section, useIntentResult } from "./section";

export function IdentitySection({ d }: { d: CaseFileData }) {
  const { t } = useI18n();
  const p = d.identity;
  if (!p) return <NotShared title="protection.case.identity" id="identity" />;
  return (
    <Section title="protection.case.identity" id="identity">
      <dl className="facts">
        <dt>{t("protection.field.sex")}</dt>
        <dd>{t(`protection.sex.${p.sex}`)}</dd>
        <dt>{t("protection.field.age")}</dt>
        <dd>{p.age ?? "—"}</dd>
        <dt>{t("protection.field.nationality")}</dt>
        <dd>{p.nationality ?? "—"}</dd>
        <dt>{t("protection.field.languages")}</dt>
        <dd dir="auto">{p.languages ?? "—"}</dd>
        <dt>{t("protection.field.phone")}</dt>
        <dd dir="ltr">{p.phone ?? "—"}</dd>
        <dt>{t("protection.field.documentNumber")}</dt>
        <dd dir="ltr">{p.documentNumber ?? "—"}</dd>
        <dt>{t("protection.field.city")}</dt>
        <dd>{p.city ? codeLabel(t, "city", p.city) : p.region ? codeLabel(t, "region", p.region) : "—"}</dd>
        <dt>{t("protection.field.householdSize")}</dt>
        <dd>{p.householdSize}</dd>
        {p.householdNotes ? (
          <>
            <dt>{t("protection.field.householdNotes")}</dt>
            <dd dir="auto">{p.householdNotes}</dd>
          </>
        ) : null}
        {d.own ? (
          <>
            <dt>{t("protection.case.assignedTo")}</dt>
            <dd>{d.staff.find((s) => s.id === d.case.assignedToId)?.displayName ?? "—"}</dd>
          </>
        ) : null}
      </dl>
      {d.own && !d.case.anonymisedAt ? (
        <>
          <p className="actions">
            <Link className="button button-secondary" to={`/protection/cases/${d.case.id}/identity`}>
              {t("protection.correct.identityLink")}
            </Link>
          </p>
          <AssignForm d={d} />
        </>
      ) : null}
    </Section>
  );
}

function AssignForm({ d }: { d: CaseFileData }) {
  const { t } = useI18n();
  const { errors } = useIntentResult("assign");
  return (
    <Form method="post" className="filters">
      <input type="hidden" name="intent" value="assign" />
      <SelectField
        inline
        name="assignedToId"
        label="protection.case.assign"
        errors={errors}
        defaultValue={d.case.assignedToId ?? ""}
        options={d.staff.map((s) => ({ value: s.id, label: s.displayName }))}
      />
      <button type="submit" className="button button-secondary">
        {t("protection.case.assign")}
      </button>
    </Form>
  );
}
