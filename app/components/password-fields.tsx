import type { FieldErrors } from "~/lib/forms";
import type { MessageKey } from "~/i18n/translate";
import { Field } from "./form";

/** A new password typed twice (sign-up, set a password, change it); never shown again after a refused submit. */
export function NewPasswordFields({
  label = "account.newPassword",
  hint,
  minLength,
  errors,
}: {
  label?: MessageKey;
  hint?: MessageKey;
  minLength?: number;
  errors?: FieldErrors;
}) {
  return (
    <>
      <Field
        name="password"
        label={label}
        hint={hint}
        type="password"
        autoComplete="new-password"
        minLength={minLength}
        required
        errors={errors}
      />
      <Field
        name="passwordConfirm"
        label="signup.passwordConfirm"
        type="password"
        autoComplete="new-password"
        required
        errors={errors}
      />
    </>
  );
}
