import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { Field, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm, safeRedirect } from "~/lib/forms.server";
import { keepRetryAfter, refusal } from "~/lib/retry-after";
import { anonymousOnlyLoader, requireAnonymous } from "~/modules/auth/guards.server";
import { IdentifierField } from "~/modules/auth/ui";
import { LoginSchema } from "~/modules/auth/schemas.server";
import { signIn } from "~/modules/auth/service.server";
import { serializeSessionCookie } from "~/modules/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Masar" }];

export const headers = keepRetryAfter;

export const loader = (args: LoaderFunctionArgs) => anonymousOnlyLoader(args);

export async function action({ request, context }: ActionFunctionArgs) {
  requireAnonymous({ context });
  const form = await request.formData();
  const parsed = parseForm(LoginSchema, form);
  if (!parsed.ok) return data({ ...parsed, retryAt: null }, { status: 400 });
  const result = await signIn(context.db, parsed.data, { ip: context.ip, locale: context.locale });
  if (!result.ok) {
    const values = { identifier: parsed.data.identifier };
    return refusal(result, {
      ok: false as const,
      errors: result.errors,
      values,
      retryAt: result.retryAt?.toISOString() ?? null,
    });
  }
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": serializeSessionCookie(result.token, result.expiresAt, context.secureCookies) },
  });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, formatDate } = useI18n();
  const errors = actionData && !actionData.ok ? actionData.errors : undefined;
  const values = actionData && !actionData.ok ? actionData.values : undefined;
  return (
    <div className="narrow">
      <PageTitle>{t("login.title")}</PageTitle>
      {actionData?.retryAt ? (
        <p className="alert alert-error" role="alert">
          {t("errors.login.throttled", { time: formatDate(actionData.retryAt, true) })}
        </p>
      ) : (
        <ErrorSummary errors={errors} labels={{ identifier: "login.identifier", password: "login.password" }} />
      )}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <IdentifierField hint errors={errors} values={values} />
        <Field
          name="password"
          label="login.password"
          type="password"
          autoComplete="current-password"
          required
          errors={errors}
        />
        <button type="submit" className="button">
          {t("login.submit")}
        </button>
      </Form>
      <p>
        {t("login.noAccount")} <Link to="/signup">{t("nav.signUp")}</Link>
      </p>
      <p>
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
      <p>
        <Link to="/set-password">{t("login.haveCode")}</Link>
      </p>
    </div>
  );
}
