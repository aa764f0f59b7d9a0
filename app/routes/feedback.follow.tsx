import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { formValues, parseForm } from "~/lib/forms.server";
import { keepRetryAfter, refusal } from "~/lib/retry-after";
import { readSmallForm } from "~/lib/small-form.server";
import { FollowSchema } from "~/modules/feedback/schemas.server";
import { followFeedback } from "~/modules/feedback/service.server";
import { StatusBadge } from "~/modules/feedback/ui";
import type { FeedbackStatus } from "~/modules/feedback/constants";

export const meta: MetaFunction = () => [{ title: "Masar" }];

export const headers = keepRetryAfter;

/** Public on purpose: the person who sent a message follows it with its reference, without an account. */
export const loader = () => null;

type Answer =
  | {
      found: true;
      status: FeedbackStatus;
      answer: string | null;
      answeredAt: string | null;
      values: Record<string, string>;
    }
  | { found: false; error: MessageKey; retryAt?: string; values: Record<string, string> };

/**
 * Posted, not a GET: the reference stays out of the address, the browser's history and
 * the server's logs. References not found are throttled per address (service.server.ts).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readSmallForm(request, 4096);
  if (!form) return data<Answer>({ found: false, error: "feedback.errors.tooLarge", values: {} }, { status: 413 });
  const values = formValues(form);
  const parsed = parseForm(FollowSchema, form);
  if (!parsed.ok) return data<Answer>({ found: false, error: "feedback.errors.reference", values }, { status: 400 });
  const result = await followFeedback(context.db, parsed.data.reference, context.ip);
  if (!result.ok) {
    const { retryAt } = result;
    return refusal<Answer>(result, {
      found: false,
      error: result.errors.form ?? "feedback.errors.reference",
      retryAt: retryAt?.toISOString(),
      values,
    });
  }
  const { view } = result;
  return data<Answer>({
    found: true,
    status: view.status,
    answer: view.answer,
    answeredAt: view.answeredAt?.toISOString() ?? null,
    values,
  });
}

export default function FollowFeedback() {
  const result = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  const error = result && !result.found ? result.error : undefined;
  return (
    <div className="narrow">
      <PageTitle>{t("feedback.follow.title")}</PageTitle>
      <p className="lead">{t("feedback.follow.lead")}</p>
      <Form method="post" className="stack" noValidate>
        <Field
          name="reference"
          label="feedback.field.reference"
          hint="feedback.field.reference.hint"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
          maxLength={40}
          required
          errors={error ? { reference: error } : undefined}
          values={result?.values}
        />
        {result && !result.found && result.retryAt ? (
          <p className="alert alert-error" role="alert">
            {t("feedback.errors.lookupThrottled", { time: formatDate(result.retryAt, true) })}
          </p>
        ) : null}
        <button type="submit" className="button">
          {t("feedback.follow.submit")}
        </button>
      </Form>
      {result?.found ? (
        <section className="follow-result" aria-live="polite" data-testid="feedback-status">
          <h2>{t("feedback.follow.status")}</h2>
          <p>
            <StatusBadge status={result.status} />
          </p>
          <p className="hint">{t(`feedback.follow.status.${result.status}`)}</p>
          <h2>{t("feedback.follow.answer")}</h2>
          {result.answer ? (
            <>
              {result.answeredAt ? <p className="hint">{formatDate(result.answeredAt, true)}</p> : null}
              <blockquote className="feedback-answer" dir="auto" data-testid="feedback-answer">
                {result.answer}
              </blockquote>
            </>
          ) : (
            <p>{t("feedback.follow.noAnswer")}</p>
          )}
        </section>
      ) : null}
      <p>
        <Link to="/feedback">{t("feedback.follow.sendLink")}</Link>
      </p>
    </div>
  );
}
