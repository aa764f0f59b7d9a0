import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { Field, PageTitle } from "~/components/form";
import { NewPasswordFields } from "~/components/password-fields";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm, type FieldErrors } from "~/lib/forms.server";
import { anonymousOnlyLoader, requireAnonymous } from "~/modules/auth/guards.server";
import { SetPasswordSchema, newPasswordSchema } from "~/modules/auth/schemas.server";
import { setPasswordWithCode } from "~/modules/auth/service.server";
import { resetPasswordWithCode } from "~/modules/auth/recovery.server";
import type { Role } from "~/modules/auth/roles";
import { serializeSessionCookie } from "~/modules/auth/session.server";

export const loader = (args: LoaderFunctionArgs) => anonymousOnlyLoader(args);

export async function action({ request, context }: ActionFunctionArgs) {
  requireAnonymous({ context });
  const form = await request.formData();
  const parsed = parseForm(SetPasswordSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, code: typedCode(form) }, { status: 400 });
  const policy = (role: Role) => {
    const checked = parseForm(newPasswordSchema(role), form);
    return checked.ok ? null : (checked.errors satisfies FieldErrors);
  };
  const { identifier, ...rest } = parsed.data;
  // with a slip's identifier, the code is the six digits printed beside it (taking over an office account)
  const result = identifier
    ? await resetPasswordWithCode(context.db, { identifier, ...rest }, { ip: context.ip }, policy)
    : await setPasswordWithCode(context.db, rest, { ip: context.ip, locale: context.locale }, policy);
  if (!result.ok) return data({ errors: result.errors, code: typedCode(form) }, { status: result.status });
  return redirect("/home", {
    headers: { "Set-Cookie": serializeSessionCookie(result.token, result.expiresAt, context.secureCookies) },
  });
}

/** The identifier and code typed, shown again after a refused submit (the passwords never are). */
function typedCode(form: FormData): { code: string; identifier: string } {
  return {
    code: String(form.get("code") ?? "").slice(0, 40),
    identifier: String(form.get("identifier") ?? "").slice(0, 40),
  };
}

const SET_LABELS = {
  identifier: "setPassword.identifier",
  code: "setPassword.code",
  password: "account.newPassword",
  passwordConfirm: "signup.passwordConfirm",
} as const;

export default function SetPassword() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const errors = actionData?.errors;
  return (
    <div className="narrow">
      <PageTitle>{t("setPassword.title")}</PageTitle>
      <ErrorSummary errors={errors} labels={SET_LABELS} order={Object.keys(SET_LABELS)} />
      <p>{t("setPassword.intro")}</p>
      <Form method="post" className="stack" noValidate>
        <Field
          name="identifier"
          label="setPassword.identifier"
          hint="setPassword.identifierHint"
          autoComplete="username"
          autoCapitalize="characters"
          dir="ltr"
          defaultValue={actionData?.code.identifier ?? params.get("identifier") ?? ""}
          errors={errors}
        />
        <Field
          name="code"
          label="setPassword.code"
          autoComplete="one-time-code"
          dir="ltr"
          required
          defaultValue={actionData?.code.code ?? params.get("code") ?? ""}
          errors={errors}
        />
        <NewPasswordFields hint="setPassword.hint" errors={errors} />
        <button type="submit" className="button">
          {t("setPassword.submit")}
        </button>
      </Form>
    </div>
  );
}
