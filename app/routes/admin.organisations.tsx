import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ErrorSummary } from "~/components/error-summary";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, PageTitle, SelectField } from "~/components/form";
import { codeChoices, codeLabel } from "~/i18n/codes";
import { DataTable } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { listOrganisations } from "~/modules/auth/queries.server";
import { CreateOrganisationSchema } from "~/modules/auth/schemas.server";
import { ORGANISATION_KINDS } from "~/modules/auth/constants";
import { createOrganisation } from "~/modules/auth/users.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "organisations:read");
  return { organisations: await listOrganisations(args.context.db) };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "users:manage");
  const form = await args.request.formData();
  const parsed = parseForm(CreateOrganisationSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await createOrganisation(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok)
    return data({ ok: false as const, errors: result.errors, values: formValues(form) }, { status: result.status });
  return redirect("/admin/organisations");
}

export default function Organisations() {
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <div>
      <PageTitle>{t("admin.organisations.title")}</PageTitle>
      <DataTable
        label={t("admin.organisations.title")}
        headers={[
          t("admin.organisations.name"),
          t("admin.organisations.kind"),
          t("admin.organisations.city"),
          t("admin.organisations.members"),
        ]}
        rows={organisations}
        rowKey={(o) => o.id}
        cells={(o) => [o.name, t(`organisationKind.${o.kind}`), o.city ? codeLabel(t, "city", o.city) : "—", o.members]}
      />
      <h2>{t("admin.organisations.create")}</h2>
      <ErrorSummary
        errors={errors}
        labels={{
          name: "admin.organisations.name",
          kind: "admin.organisations.kind",
          city: "admin.organisations.city",
        }}
        order={["name", "kind", "city"]}
      />
      <Form method="post" className="stack narrow" noValidate>
        <Field name="name" label="admin.organisations.name" required errors={errors} values={values} />
        <SelectField
          name="kind"
          label="admin.organisations.kind"
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKind.${k}`) }))}
          defaultValue="partner_association"
          errors={errors}
          values={values}
        />
        <SelectField
          name="city"
          label="admin.organisations.city"
          options={[{ value: "", label: "—" }, ...codeChoices(t, "city")]}
          defaultValue=""
          errors={errors}
          values={values}
        />
        <button type="submit" className="button">
          {t("admin.organisations.create")}
        </button>
      </Form>
    </div>
  );
}
