import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { FormAlert, PageTitle } from "~/components/form";
import { NewPasswordFields } from "~/components/password-fields";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm, type FieldErrors } from "~/lib/forms.server";
import { anonymousOnlyLoader, requireAnonymous } from "~/modules/auth/guards.server";
import { CodeField, CodeThrottled, IdentifierField, ResendCode } from "~/modules/auth/ui";
import { resetPasswordWithCode } from "~/modules/auth/recovery.server";
import { askForResetCode } from "~/modules/auth/reset-request.server";
import { newPasswordSchema } from "~/modules/auth/schemas.server";
import { serializeSessionCookie } from "~/modules/auth/session.server";
import { keepRetryAfter } from "~/lib/retry-after";

export const loader = (args: LoaderFunctionArgs) => anonymousOnlyLoader(args);

// a throttled action's Retry-After reaches the answer
export const headers = keepRetryAfter;

export async function action({ request, context }: ActionFunctionArgs) {
  requireAnonymous({ context });
  const form = await request.formData();
  const identifier = String(form.get("identifier") ?? "").slice(0, 254);
  const meta = { ip: context.ip };
  if (form.get("intent") === "resend") return askForResetCode(context, form, typed(form), "&resent=1");
  // the applicants' rule first, for everyone: a staff account's longer rule speaks only after a right code
  const basic = parseForm(newPasswordSchema("applicant"), form);
  if (!basic.ok) return data({ errors: basic.errors, retryAt: null, values: typed(form) }, { status: 400 });
  const result = await resetPasswordWithCode(
    context.db,
    { identifier, code: String(form.get("code") ?? ""), password: basic.data.password },
    meta,
    (role) => {
      const policy = parseForm(newPasswordSchema(role), form);
      return policy.ok ? null : (policy.errors satisfies FieldErrors);
    },
  );
  if (!result.ok) return data({ errors: result.errors, retryAt: null, values: typed(form) }, { status: result.status });
  return redirect("/home", {
    headers: { "Set-Cookie": serializeSessionCookie(result.token, result.expiresAt, context.secureCookies) },
  });
}

/** What a refused form shows again: the identifier and the code, never the passwords. */
function typed(form: FormData): Record<string, string> {
  return {
    identifier: String(form.get("identifier") ?? "").slice(0, 254),
    code: String(form.get("code") ?? "").slice(0, 20),
  };
}

const RESET_LABELS = {
  identifier: "login.identifier",
  code: "reset.code",
  password: "account.newPassword",
  passwordConfirm: "signup.passwordConfirm",
} as const;

export default function ResetPassword() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const to = params.get("to") ?? "";
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <div className="narrow stack">
      <PageTitle>{t("reset.title")}</PageTitle>
      {params.get("resent") && !actionData ? <FormAlert tone="success" message="confirmPhone.resent" /> : null}
      <CodeThrottled retryAt={actionData?.retryAt} />
      {actionData?.retryAt ? null : (
        <ErrorSummary errors={errors} labels={RESET_LABELS} order={Object.keys(RESET_LABELS)} />
      )}
      <p>{t("reset.intro")}</p>
      <Form method="post" className="stack" noValidate>
        <IdentifierField defaultValue={to} errors={errors} values={values} />
        <CodeField label="reset.code" errors={errors} values={values} />
        <NewPasswordFields hint="signup.password.hint" errors={errors} />
        <button type="submit" className="button">
          {t("reset.submit")}
        </button>
      </Form>
      {to ? <ResendCode label="reset.again" hidden={{ identifier: to }} /> : null}
    </div>
  );
}
