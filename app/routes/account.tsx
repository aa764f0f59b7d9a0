import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { Field, FormAlert, PageTitle } from "~/components/form";
import { NewPasswordFields } from "~/components/password-fields";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm, type FieldErrors } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { CodeThrottled, PhoneField } from "~/modules/auth/ui";
import { phoneStatus, requestPhoneChange, setSmsOptOut } from "~/modules/auth/phone.server";
import { ChangePasswordSchema, newPasswordSchema } from "~/modules/auth/schemas.server";
import { changePassword } from "~/modules/auth/service.server";
import { serializeSessionCookie } from "~/modules/auth/session.server";
import { minPasswordLength } from "~/modules/auth/rules";
import { keepRetryAfter, refusal } from "~/lib/retry-after";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "account:manage-own");
  const status = await phoneStatus(args.context.db, user.id);
  return {
    email: user.email,
    phone: user.phone,
    phoneConfirmed: status?.confirmed ?? false,
    smsOptOut: status?.smsOptOut ?? false,
    minLength: minPasswordLength(user.role),
  };
}

type Answer = {
  ok: boolean;
  form: "password" | "phone" | "sms";
  errors?: FieldErrors;
  retryAt?: string | null;
  values?: Record<string, string>;
};

// a throttled action's Retry-After reaches the answer
export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "account:manage-own");
  const { request, context } = args;
  const form = await request.formData();
  const meta = { ip: context.ip, locale: context.locale };
  const intent = form.get("intent");
  if (intent === "phone") {
    const result = await requestPhoneChange(context.db, user, { phone: String(form.get("phone") ?? "") }, meta);
    if (result.ok) return redirect("/confirm-phone");
    const retryAt = result.retryAt?.toISOString() ?? null;
    const values = { phone: String(form.get("phone") ?? "").slice(0, 40) };
    return refusal<Answer>(result, { ok: false, form: "phone", errors: result.errors, retryAt, values });
  }
  if (intent === "sms") {
    await setSmsOptOut(context.db, user, form.get("smsOptOut") === "on", meta);
    return data<Answer>({ ok: true, form: "sms" });
  }
  const parsed = parseForm(ChangePasswordSchema, form);
  if (!parsed.ok) return data<Answer>({ ok: false, form: "password", errors: parsed.errors }, { status: 400 });
  const policy = parseForm(newPasswordSchema(user.role), form);
  if (!policy.ok) return data<Answer>({ ok: false, form: "password", errors: policy.errors }, { status: 400 });
  const result = await changePassword(context.db, user, parsed.data, meta);
  if (!result.ok)
    return data<Answer>({ ok: false, form: "password", errors: result.errors }, { status: result.status });
  return data<Answer>(
    { ok: true, form: "password" },
    { headers: { "Set-Cookie": serializeSessionCookie(result.token, result.expiresAt, context.secureCookies) } },
  );
}

export default function Account() {
  const { email, phone, phoneConfirmed, smsOptOut, minLength } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="narrow">
      <PageTitle>{t("account.title")}</PageTitle>
      {answer && !answer.ok && !answer.retryAt ? (
        <ErrorSummary errors={answer.errors} labels={ACCOUNT_LABELS} order={Object.keys(ACCOUNT_LABELS)} />
      ) : null}
      <dl className="facts">
        <dt>{t("account.phone")}</dt>
        <dd>
          <bdi dir="ltr">{phone ?? "—"}</bdi>
          {phone ? (
            <>
              {" "}
              ({t(phoneConfirmed ? "account.phoneConfirmed" : "account.phoneUnconfirmed")})
              {phoneConfirmed ? null : (
                <>
                  {" "}
                  <Link to="/confirm-phone">{t("confirmPhone.bannerLink")}</Link>
                </>
              )}
            </>
          ) : null}
        </dd>
        <dt>{t("account.email")}</dt>
        <dd dir="ltr">{email ?? "—"}</dd>
      </dl>
      <PhoneSection answer={answer?.form === "phone" ? answer : undefined} />
      <SmsSection smsOptOut={smsOptOut} saved={answer?.form === "sms" && answer.ok} />
      <PasswordSection answer={answer?.form === "password" ? answer : undefined} minLength={minLength} />
    </div>
  );
}

/** The fields of the page's forms, with their labels, for the error summary. */
const ACCOUNT_LABELS = {
  phone: "account.newPhone",
  currentPassword: "account.currentPassword",
  password: "account.newPassword",
  passwordConfirm: "signup.passwordConfirm",
} as const;

function PhoneSection({ answer }: { answer?: Answer }) {
  const { t } = useI18n();
  return (
    <section className="stack">
      <h2>{t("account.changePhone")}</h2>
      <p>{t("account.changePhone.intro")}</p>
      <CodeThrottled retryAt={answer?.retryAt} />
      <Form method="post" className="stack" noValidate>
        <PhoneField label="account.newPhone" required values={answer?.values} errors={answer?.errors} />
        <button type="submit" name="intent" value="phone" className="button">
          {t("account.changePhone.submit")}
        </button>
      </Form>
    </section>
  );
}

function SmsSection({ smsOptOut, saved }: { smsOptOut: boolean; saved: boolean }) {
  const { t } = useI18n();
  return (
    <section className="stack">
      <h2>{t("account.sms.title")}</h2>
      {saved ? <FormAlert tone="success" message="account.sms.saved" /> : null}
      <Form method="post" className="stack">
        <label className="checkbox">
          <input type="checkbox" name="smsOptOut" defaultChecked={smsOptOut} /> {t("account.sms.optOut")}
        </label>
        <button type="submit" name="intent" value="sms" className="button button-secondary">
          {t("account.sms.save")}
        </button>
      </Form>
    </section>
  );
}

function PasswordSection({ answer, minLength }: { answer?: Answer; minLength: number }) {
  const { t } = useI18n();
  const errors = answer?.errors;
  return (
    <section className="stack">
      <h2>{t("account.changePassword")}</h2>
      {answer?.ok ? <FormAlert tone="success" message="account.passwordChanged" /> : null}
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
    </section>
  );
}
