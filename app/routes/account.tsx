import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormAlert, PageTitle } from "~/components/form";
import { NewPasswordFields } from "~/components/password-fields";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { ChangePasswordSchema, newPasswordSchema } from "~/modules/auth/schemas.server";
import { changePassword } from "~/modules/auth/service.server";
import { serializeSessionCookie } from "~/modules/auth/session.server";
import { minPasswordLength } from "~/modules/auth/rules";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "account:manage-own");
  return { email: user.email, phone: user.phone, minLength: minPasswordLength(user.role) };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "account:manage-own");
  const { request, context } = args;
  const form = await request.formData();
  const parsed = parseForm(ChangePasswordSchema, form);
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors }, { status: 400 });
  const policy = parseForm(newPasswordSchema(user.role), form);
  if (!policy.ok) return data({ ok: false as const, errors: policy.errors }, { status: 400 });
  const result = await changePassword(context.db, user, parsed.data, { ip: context.ip, locale: context.locale });
  if (!result.ok) return data({ ok: false as const, errors: result.errors }, { status: 400 });
  return data(
    { ok: true as const, errors: undefined },
    { headers: { "Set-Cookie": serializeSessionCookie(result.token, result.expiresAt, context.secureCookies) } },
  );
}

export default function Account() {
  const { email, phone, minLength } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData?.errors;
  return (
    <div className="narrow">
      <PageTitle>{t("account.title")}</PageTitle>
      <dl className="facts">
        <dt>{t("account.phone")}</dt>
        <dd dir="ltr">{phone ?? "—"}</dd>
        <dt>{t("account.email")}</dt>
        <dd dir="ltr">{email ?? "—"}</dd>
      </dl>
      <h2>{t("account.changePassword")}</h2>
      {actionData?.ok ? <FormAlert tone="success" message="account.passwordChanged" /> : null}
      <Form method="post" className="stack" noValidate>
        <Field
          name="currentPassword"
          label="account.currentPassword"
          type="password"
          autoComplete="current-password"
          required
          errors={errors}
        />
        <NewPasswordFields minLength={minLength} errors={errors} />
        <button type="submit" className="button">
          {t("account.changePassword")}
        </button>
      </Form>
    </div>
  );
}
