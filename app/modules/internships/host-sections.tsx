import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { CheckboxGroup, Field, SelectField } from "~/components/form";
import { codeChoices, codeLabel } from "~/i18n/codes";
import { DataTable } from "~/components/table-wrap";
import { TrilingualField } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { type FormEcho, tickedValues } from "~/lib/forms";
import { AGREEMENT_STATUSES } from "./constants";
import type { listHosts } from "./queries.server";

type Host = Awaited<ReturnType<typeof listHosts>>[number];

/** The host companies with their contact and the state of their agreement. */
export function HostsTable({ hosts }: { hosts: Host[] }) {
  const { t } = useI18n();
  return (
    <DataTable
      label={t("internships.hosts")}
      headers={[
        t("internships.field.name"),
        t("internships.field.sector"),
        t("internships.field.city"),
        t("internships.field.contactName"),
        t("internships.field.agreementStatus"),
      ]}
      rows={hosts}
      rowKey={(h) => h.id}
      cells={(h) => [
        <Link key="name" to={`/internships/hosts/${h.id}`}>
          {h.name}
        </Link>,
        h.sector ? codeLabel(t, "sector", h.sector) : "—",
        h.city ? codeLabel(t, "city", h.city) : "—",
        <>
          {h.contactName ?? "—"} {h.contactPhone ?? ""}
        </>,
        t(`internships.agreement.${h.agreementStatus ?? "none"}`),
      ]}
    />
  );
}

/** A required choice from one code list (app/i18n/codes.ts), labelled in the reader's language. */
function CodeSelect({
  kind,
  name,
  label,
  ...echo
}: FormEcho & { kind: "sector" | "city"; name: string; label: "internships.field.sector" | "internships.field.city" }) {
  const { t } = useI18n();
  return (
    <SelectField
      name={name}
      label={label}
      required
      defaultValue=""
      placeholder="form.choose"
      options={codeChoices(t, kind)}
      errors={echo.errors}
      values={echo.values}
    />
  );
}

/** The form that adds a host company, or (`correcting`, with its values) corrects one on its page. */
export function AddHostForm({ correcting = false, ...echo }: FormEcho & { correcting?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {correcting ? null : <h2>{t("internships.addHost")}</h2>}
      <Form method="post" className="stack narrow" noValidate>
        {correcting ? null : <input type="hidden" name="intent" value="host" />}
        <Field name="name" label="internships.field.name" required {...echo} />
        <CodeSelect kind="city" name="city" label="internships.field.city" {...echo} />
        <CodeSelect kind="sector" name="sector" label="internships.field.sector" {...echo} />
        <Field name="contactName" label="internships.field.contactName" required {...echo} />
        <Field name="contactPhone" label="internships.field.contactPhone" type="tel" {...echo} />
        <Field name="contactEmail" label="internships.field.contactEmail" type="email" {...echo} />
        <SelectField
          name="agreementStatus"
          label="internships.field.agreementStatus"
          defaultValue="none"
          options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`internships.agreement.${s}`) }))}
          {...echo}
        />
        <button type="submit" className="button">
          {t(correcting ? "internships.correct.save" : "internships.addHost")}
        </button>
      </Form>
    </>
  );
}

/** The host company of an offer or a placement, none chosen at first. */
export function HostSelect({ hosts, ...echo }: FormEcho & { hosts: Pick<Host, "id" | "name">[] }) {
  return (
    <SelectField
      name="hostId"
      label="internships.field.host"
      defaultValue=""
      options={[{ value: "", label: "—" }, ...hosts.map((h) => ({ value: h.id, label: h.name }))]}
      {...echo}
    />
  );
}

/** The form that adds an offer, or (no `hosts`: its host stays) corrects one on its own page. */
export function AddOfferForm({ hosts, ...echo }: FormEcho & { hosts?: Host[] }) {
  const { t } = useI18n();
  return (
    <>
      {hosts ? <h2>{t("internships.addOffer")}</h2> : null}
      <Form method="post" className="stack narrow" noValidate>
        {hosts ? (
          <>
            <input type="hidden" name="intent" value="offer" />
            <HostSelect hosts={hosts} {...echo} />
          </>
        ) : null}
        <TrilingualField name="title" label="internships.field.title" {...echo} />
        <CodeSelect kind="sector" name="sector" label="internships.field.sector" {...echo} />
        <CodeSelect kind="city" name="city" label="internships.field.city" {...echo} />
        <Field name="startsOn" label="internships.field.startsOn" type="date" required {...echo} />
        <Field
          name="durationWeeks"
          label="internships.field.durationWeeks"
          type="number"
          inputMode="numeric"
          required
          {...echo}
        />
        <Field name="stipend" label="internships.field.stipend" inputMode="decimal" defaultValue="0" {...echo} />
        <Field
          name="seats"
          label="internships.field.seats"
          type="number"
          inputMode="numeric"
          defaultValue="1"
          {...echo}
        />
        <CheckboxGroup
          name="languages"
          legend="internships.field.languages"
          options={codeChoices(t, "language")}
          checked={tickedValues(echo.values, "languages")}
          errors={echo.errors}
        />
        <TrilingualField
          name="requirements"
          label="internships.field.requirements"
          multiline
          required={false}
          {...echo}
        />
        <button type="submit" className="button">
          {t(hosts ? "internships.addOffer" : "internships.correct.save")}
        </button>
      </Form>
    </>
  );
}
