import { Form } from "@remix-run/react";
import { Field } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";

/**
 * The box to type a certificate's code (a GET form: the answer is a page anyone may
 * bookmark). Any case, with or without the dashes.
 */
export function VerifyForm({ code }: { code?: string }) {
  const { t } = useI18n();
  return (
    <Form method="get" action="/verify" className="stack narrow">
      <Field
        name="code"
        label="trainings.verify.code"
        hint="trainings.verify.codeHint"
        defaultValue={code}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        dir="ltr"
        required
      />
      <button type="submit" className="button">
        {t("trainings.verify.submit")}
      </button>
    </Form>
  );
}
