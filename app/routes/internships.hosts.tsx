import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FieldError, PageTitle } from "~/components/form";
import { TrilingualField } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { listHosts } from "~/modules/internships/queries.server";
import { CreateHostSchema, CreateOfferSchema } from "~/modules/internships/schemas.server";
import { AGREEMENT_STATUSES } from "~/modules/internships/constants";
import { createHost, createOffer } from "~/modules/internships/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "internships:manage");
  return { hosts: await listHosts(args.context.db) };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "internships:manage");
  const form = await args.request.formData();
  const intent = form.get("intent") === "offer" ? "offer" : "host";
  const meta = { ip: args.context.ip };
  if (intent === "host") {
    const parsed = parseForm(CreateHostSchema, form);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    const result = await createHost(args.context.db, actor, parsed.data, meta);
    if (!result.ok)
      return data({ ok: false as const, errors: result.errors, values: formValues(form), intent }, { status: 400 });
    return redirect("/internships/hosts");
  }
  const parsed = parseForm(CreateOfferSchema, form);
  if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
  const result = await createOffer(args.context.db, actor, parsed.data, meta);
  if (!result.ok)
    return data({ ok: false as const, errors: result.errors, values: formValues(form), intent }, { status: 400 });
  return redirect(`/internships/offers/${result.id}`);
}

export default function Hosts() {
  const { hosts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const hostErrors = actionData?.intent === "host" ? actionData.errors : undefined;
  const hostValues = actionData?.intent === "host" ? actionData.values : undefined;
  const offerErrors = actionData?.intent === "offer" ? actionData.errors : undefined;
  const offerValues = actionData?.intent === "offer" ? actionData.values : undefined;
  return (
    <div>
      <PageTitle>{t("internships.hosts")}</PageTitle>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("internships.hosts")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("internships.field.name")}</th>
              <th scope="col">{t("internships.field.sector")}</th>
              <th scope="col">{t("internships.field.city")}</th>
              <th scope="col">{t("internships.field.contactName")}</th>
              <th scope="col">{t("internships.field.agreementStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {hosts.map((h) => (
              <tr key={h.id}>
                <td>{h.name}</td>
                <td>{h.sector ?? "—"}</td>
                <td>{h.city ?? "—"}</td>
                <td>
                  {h.contactName ?? "—"} {h.contactPhone ?? ""}
                </td>
                <td>{t(`internships.agreement.${h.agreementStatus ?? "none"}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("internships.addHost")}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <input type="hidden" name="intent" value="host" />
        <Field name="name" label="internships.field.name" required errors={hostErrors} values={hostValues} />
        <Field name="city" label="internships.field.city" required errors={hostErrors} values={hostValues} />
        <Field name="sector" label="internships.field.sector" required errors={hostErrors} values={hostValues} />
        <Field
          name="contactName"
          label="internships.field.contactName"
          required
          errors={hostErrors}
          values={hostValues}
        />
        <Field
          name="contactPhone"
          label="internships.field.contactPhone"
          type="tel"
          errors={hostErrors}
          values={hostValues}
        />
        <Field
          name="contactEmail"
          label="internships.field.contactEmail"
          type="email"
          errors={hostErrors}
          values={hostValues}
        />
        <div className="field">
          <label htmlFor="f-agreementStatus">{t("internships.field.agreementStatus")}</label>
          <select id="f-agreementStatus" name="agreementStatus" defaultValue={hostValues?.agreementStatus ?? "none"}>
            {AGREEMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`internships.agreement.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("internships.addHost")}
        </button>
      </Form>
      <h2>{t("internships.addOffer")}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <input type="hidden" name="intent" value="offer" />
        <div className="field">
          <label htmlFor="f-hostId">{t("internships.field.host")}</label>
          <select id="f-hostId" name="hostId" defaultValue={offerValues?.hostId ?? ""}>
            <option value="">—</option>
            {hosts.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
          <FieldError name="hostId" errors={offerErrors} />
        </div>
        <TrilingualField name="title" label="internships.field.title" errors={offerErrors} values={offerValues} />
        <Field name="sector" label="internships.field.sector" required errors={offerErrors} values={offerValues} />
        <Field name="city" label="internships.field.city" required errors={offerErrors} values={offerValues} />
        <Field
          name="startsOn"
          label="internships.field.startsOn"
          type="date"
          required
          errors={offerErrors}
          values={offerValues}
        />
        <Field
          name="durationWeeks"
          label="internships.field.durationWeeks"
          type="number"
          inputMode="numeric"
          required
          errors={offerErrors}
          values={offerValues}
        />
        <Field
          name="stipend"
          label="internships.field.stipend"
          inputMode="decimal"
          defaultValue="0"
          errors={offerErrors}
          values={offerValues}
        />
        <Field
          name="seats"
          label="internships.field.seats"
          type="number"
          inputMode="numeric"
          defaultValue="1"
          errors={offerErrors}
          values={offerValues}
        />
        <Field name="languages" label="internships.field.languages" errors={offerErrors} values={offerValues} />
        <TrilingualField
          name="requirements"
          label="internships.field.requirements"
          multiline
          required={false}
          errors={offerErrors}
          values={offerValues}
        />
        <button type="submit" className="button">
          {t("internships.addOffer")}
        </button>
      </Form>
    </div>
  );
}
