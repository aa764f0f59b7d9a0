import { Form } from "@remix-run/react";
import { Field, FormAlert, SelectField } from "~/components/form";
import { codeChoices } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import type { CaseFileData } from "./data.server";
import { CaseFormLink } from "./form-page";
import { Section, useIntentResult } from "./section";

const SEXES = ["female", "male", "other"] as const;

/** One member's fields: a row of the list (to correct it) or the form to add one. */
function MemberFields({
  prefix,
  member,
  errors,
  values,
}: FormEcho & {
  prefix: string;
  member?: { relationship: string; sex: string; age: number | null };
}) {
  const { t } = useI18n();
  const echo = { errors, values };
  return (
    <>
      <SelectField
        id={`${prefix}-relationship`}
        name="relationship"
        label="groups.household.relationship"
        defaultValue={member?.relationship}
        placeholder={member ? undefined : "form.choose"}
        options={codeChoices(t, "relationship")}
        {...echo}
      />
      <SelectField
        id={`${prefix}-sex`}
        name="sex"
        label="groups.household.sex"
        defaultValue={member?.sex}
        placeholder={member ? undefined : "form.choose"}
        options={SEXES.map((s) => ({ value: s, label: t(`groups.household.sexOf.${s}`) }))}
        {...echo}
      />
      <Field
        id={`${prefix}-age`}
        name="age"
        label="groups.household.age"
        hint={member ? undefined : "groups.household.ageHint"}
        type="number"
        inputMode="numeric"
        min={0}
        max={120}
        defaultValue={member?.age === null || member?.age === undefined ? "" : String(member.age)}
        {...echo}
      />
    </>
  );
}

/** One member as the file lists it. */
function MemberLine({ m }: { m: CaseFileData["household"][number] }) {
  const { t } = useI18n();
  return (
    <p>
      {t(`groups.relationship.${m.relationship}`)} · {t(`groups.household.sexOf.${m.sex}`)} ·{" "}
      {m.age === null ? t("groups.household.ageUnknown") : t("groups.household.years", { n: m.age })}
    </p>
  );
}

/** The household of a case file (its owning association only), read-only; corrected on its own page. */
export function HouseholdSection({ d }: { d: CaseFileData }) {
  const { t } = useI18n();
  return (
    <Section title="groups.household.title" id="household">
      <p className="hint">{t("groups.household.hint")}</p>
      {d.household.length === 0 ? <p>{t("groups.household.none")}</p> : null}
      <ul className="list" data-testid="household">
        {d.household.map((m) => (
          <li key={m.id} className="list-item" data-member={m.id}>
            <MemberLine m={m} />
          </li>
        ))}
      </ul>
      {d.case.anonymisedAt ? null : <CaseFormLink caseId={d.case.id} page="household" label="groups.household.edit" />}
    </Section>
  );
}

/** The household's page (protection.cases.$caseId.household): each member corrected in place, and one added. */
export function HouseholdForms({ d }: { d: Pick<CaseFileData, "household"> }) {
  const { t } = useI18n();
  const { errors, values } = useIntentResult("household");
  const refusedFor = errors ? (values?.memberId ?? "") : null;
  return (
    <>
      <p className="hint">{t("groups.household.hint")}</p>
      {d.household.length === 0 ? <p>{t("groups.household.none")}</p> : null}
      <ul className="list" data-testid="household">
        {d.household.map((m, i) => (
          <li key={m.id} className="list-item" data-member={m.id}>
            <Form method="post" className="stack" aria-label={t("groups.household.member", { n: i + 1 })}>
              <input type="hidden" name="intent" value="household" />
              <input type="hidden" name="memberId" value={m.id} />
              <FormAlert message={refusedFor === m.id ? errors?.form : null} />
              <MemberFields
                prefix={`m${i}`}
                member={m}
                errors={refusedFor === m.id ? errors : undefined}
                values={refusedFor === m.id ? values : undefined}
              />
              <button type="submit" className="button button-secondary">
                {t("groups.household.save")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="stack" aria-labelledby="h-household-add">
        <h2 id="h-household-add">{t("groups.household.add")}</h2>
        <input type="hidden" name="intent" value="household" />
        <MemberFields
          prefix="new"
          errors={refusedFor === "" ? errors : undefined}
          values={refusedFor === "" ? values : undefined}
        />
        <button type="submit" className="button">
          {t("groups.household.addButton")}
        </button>
      </Form>
    </>
  );
}
