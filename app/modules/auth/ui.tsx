import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors, FormEcho } from "~/lib/forms";
import type { OutboxStateName } from "~/modules/notifications/constants";
import { messageStateText } from "~/modules/notifications/ui";

/** "Too many codes asked for": with the time the next one may be asked for. */
export function CodeThrottled({ retryAt }: { retryAt: string | null | undefined }) {
  const { t, formatDate } = useI18n();
  if (!retryAt) return null;
  return (
    <p className="alert alert-error" role="alert">
      {t("errors.code.throttled", { time: formatDate(retryAt, true) })}
    </p>
  );
}

/** Where the SMS with the code stands, honestly: "not sent" when no gateway took it. */
export function CodeSmsState({ sms }: { sms: { state: OutboxStateName; failReason: string | null } | null }) {
  const { t } = useI18n();
  if (!sms) return null;
  const tone = sms.state === "delivered" || sms.state === "accepted" ? "ok" : sms.state;
  return (
    <p className={`message-state message-state-${tone}`} role="status">
      {t("confirmPhone.smsState", { state: messageStateText(t, { ...sms, channel: "sms" }) })}
    </p>
  );
}

/** The six-digit code field: digits on a phone's keypad, filled from the SMS where the phone can. */
export function CodeField({
  label,
  errors,
  values,
}: FormEcho & {
  label: "confirmPhone.code" | "reset.code" | "signupCode.code";
}) {
  return (
    <Field
      name="code"
      label={label}
      hint="confirmPhone.code.hint"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={12}
      dir="ltr"
      required
      errors={errors}
      values={values}
    />
  );
}

/** A button that asks for a new code (its own form, so it works without JavaScript). */
export function ResendCode({
  label,
  hidden,
}: {
  label: "confirmPhone.resend" | "reset.again";
  hidden?: Record<string, string>;
}) {
  const { t } = useI18n();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="resend" />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button button-secondary">
        {t(label)}
      </button>
    </Form>
  );
}

/** Why applying is refused until the phone is confirmed, and the way to confirm it. */
export function PhoneNeeded() {
  const { t } = useI18n();
  return (
    <p className="alert alert-error" role="status">
      {t("confirmPhone.needed")} <Link to="/confirm-phone">{t("confirmPhone.bannerLink")}</Link>
    </p>
  );
}

/** The home page's reminder while the phone waits for its code. */
export function PhoneUnconfirmed() {
  const { t } = useI18n();
  return (
    <p className="alert" role="status">
      {t("confirmPhone.banner")} <Link to="/confirm-phone">{t("confirmPhone.bannerLink")}</Link>
    </p>
  );
}

/** The phone-or-e-mail box of the sign-in and recovery forms. */
export function IdentifierField(props: {
  hint?: boolean;
  defaultValue?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  return (
    <Field
      name="identifier"
      label="login.identifier"
      hint={props.hint ? "login.identifier.hint" : undefined}
      autoComplete="username"
      required
      dir="ltr"
      defaultValue={props.defaultValue}
      errors={props.errors}
      values={props.values}
    />
  );
}

/** A phone number field: the phone's keypad, read left to right in every language. */
export function PhoneField(props: {
  label: "signup.phone" | "account.newPhone";
  required?: boolean;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  return (
    <Field name="phone" hint="signup.phone.hint" type="tel" inputMode="tel" autoComplete="tel" dir="ltr" {...props} />
  );
}

/** A sentence that names a phone or an address, the contact kept left to right inside an Arabic sentence. */
export function ContactSentence({
  message,
  placeholder,
  contact,
}: {
  message: MessageKey;
  placeholder: "phone" | "contact";
  contact: string;
}) {
  const { t } = useI18n();
  const [before = "", after = ""] = t(message, {}).split(`{${placeholder}}`);
  return (
    <p>
      {before}
      <bdi dir="ltr">{contact}</bdi>
      {after}
    </p>
  );
}
