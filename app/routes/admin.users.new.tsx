import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ErrorSummary } from "~/components/error-summary";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, PageTitle, SelectField } from "~/components/form";
import { OrganisationSelect, RoleSelect, ShopSelect } from "~/components/staff-fields";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { listOrganisations } from "~/modules/auth/queries.server";
import { listShops } from "~/modules/aid/shops.server";
import { STAFF_ROLES } from "~/modules/auth/roles";
import { CreateStaffSchema } from "~/modules/auth/schemas.server";
import { createStaffUser } from "~/modules/auth/users.server";
import { languageChoices } from "~/components/language-name";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "users:manage");
  const [organisations, shops] = await Promise.all([listOrganisations(args.context.db), listShops(args.context.db)]);
  return {
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    shops: shops.map((s) => ({ id: s.id, name: s.name, association: s.association })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "users:manage");
  const { request, context } = args;
  const form = await request.formData();
  const parsed = parseForm(CreateStaffSchema, form);
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const baseUrl = new URL(request.url).origin;
  const result = await createStaffUser(context.db, actor, parsed.data, { ip: context.ip, baseUrl });
  if (!result.ok)
    return data({ ok: false as const, errors: result.errors, values: formValues(form) }, { status: result.status });
  // shown once, so an admin can pass it on by hand to someone with no e-mail
  return {
    ok: true as const,
    userId: result.user.id,
    code: result.code,
    expiresAt: result.expiresAt.toISOString(),
    // a case worker reaches no protection file until the association's supervisor confirms it
    caseAccessPending: result.user.role === "case_worker" && result.user.caseAccessOrganisationId === null,
  };
}

export default function NewStaffUser() {
  const { organisations, shops } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  if (actionData?.ok) {
    return (
      <div className="narrow">
        <PageTitle>{t("admin.users.created")}</PageTitle>
        <p>{t("admin.users.codeIntro")}</p>
        <p className="code" dir="ltr" data-testid="setup-code">
          {actionData.code}
        </p>
        <p className="hint">{t("admin.users.codeExpires", { time: formatDate(actionData.expiresAt, true) })}</p>
        {actionData.caseAccessPending ? <p className="alert">{t("admin.users.caseAccessNote")}</p> : null}
        <p>
          <Link to={`/admin/users/${actionData.userId}`}>{t("admin.users.open")}</Link>
        </p>
      </div>
    );
  }
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <div className="narrow">
      <PageTitle>{t("admin.users.create")}</PageTitle>
      <ErrorSummary
        errors={errors}
        labels={{
          displayName: "signup.displayName",
          email: "signup.email",
          phone: "signup.phone",
          role: "admin.users.role",
          organisationId: "admin.users.organisation",
          locale: "admin.users.language",
        }}
        order={["displayName", "email", "phone", "role", "organisationId", "locale"]}
      />
      <Form method="post" className="stack" noValidate>
        <Field name="displayName" label="signup.displayName" required errors={errors} values={values} />
        <Field name="email" label="signup.email" type="email" dir="ltr" errors={errors} values={values} />
        <Field name="phone" label="signup.phone" type="tel" dir="ltr" errors={errors} values={values} />
        <RoleSelect roles={STAFF_ROLES} defaultValue={values?.role} errors={errors} />
        <OrganisationSelect organisations={organisations} defaultValue={values?.organisationId} errors={errors} />
        <ShopSelect shops={shops} defaultValue={values?.shopId} errors={errors} />
        <SelectField
          name="locale"
          label="admin.users.language"
          options={languageChoices()}
          defaultValue="fr"
          errors={errors}
          values={values}
        />
        <button type="submit" className="button">
          {t("admin.users.create")}
        </button>
      </Form>
    </div>
  );
}
