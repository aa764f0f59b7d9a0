/** The sections of a message's page for the one who handles it: the file, the forms, the two confirmation steps. */
import { Form } from "@remix-run/react";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { FormAlert, PageTitle, SelectField, TextareaField } from "~/components/form";
import { LOCALE_NAMES, type Locale } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import type { FieldErrors, FormEcho } from "~/lib/forms";
import type { Role } from "~/modules/auth/roles";
import { CONFIDENTIAL_CATEGORIES, FEEDBACK_TEXT_MAX, type FeedbackCategory, type FeedbackStatus } from "./constants";
import { CategoryLabel, StatusBadge } from "./ui";
import { LanguageName } from "~/components/language-name";
import { Message } from "~/components/message";

export type FileView = {
  id: string;
  category: FeedbackCategory;
  status: FeedbackStatus;
  locale: "fr" | "ar" | "en";
  channel: "web" | "sms" | "phone";
  message: string;
  contactName: string | null;
  contactPhone: string | null;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  answer: string | null;
  answeredAt: string | null;
  closedAt: string | null;
};

type Can = { answer: boolean; close: boolean; assign: boolean; refer: boolean };

export function FeedbackFile({ item, saved }: { item: FileView; saved: "assign" | "answer" | "close" | null }) {
  const { t, formatDate } = useI18n();
  const anonymous = !item.contactName && !item.contactPhone;
  return (
    <>
      <PageTitle>
        <CategoryLabel category={item.category} />
      </PageTitle>
      {saved ? <FormAlert tone="success" message={`feedback.saved.${saved}`} /> : null}
      <dl className="facts" data-testid="feedback-file">
        <dt>{t("feedback.file.status")}</dt>
        <dd>
          <StatusBadge status={item.status} overdue={item.overdue} />
        </dd>
        <dt>{t("feedback.file.received")}</dt>
        <dd>{formatDate(item.receivedAt, true)}</dd>
        <dt>{item.closedAt ? t("feedback.file.closed") : t("feedback.file.due")}</dt>
        <dd>{formatDate(item.closedAt ?? item.dueAt)}</dd>
        <dt>{t("feedback.file.language")}</dt>
        <dd>
          <LanguageName locale={item.locale} />
        </dd>
        <dt>{t("feedback.file.channel")}</dt>
        <dd>{t(`feedback.channel.${item.channel}`)}</dd>
        <dt>{t("feedback.file.contact")}</dt>
        <dd>
          {anonymous ? t("feedback.file.anonymous") : null}
          {item.contactName ? <bdi>{item.contactName}</bdi> : null}
          {item.contactName && item.contactPhone ? " · " : null}
          {item.contactPhone ? (
            <a href={`tel:${item.contactPhone}`} dir="ltr">
              {item.contactPhone}
            </a>
          ) : null}
        </dd>
        {item.assigneeName ? (
          <>
            <dt>{t("feedback.file.assignee")}</dt>
            <dd>
              <bdi>{item.assigneeName}</bdi>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t("feedback.file.message")}</h2>
      <blockquote className="feedback-message" dir="auto" lang={item.locale}>
        {item.message}
      </blockquote>
      {item.answer ? (
        <>
          <h2>{t("feedback.file.answer")}</h2>
          {item.answeredAt ? <p className="hint">{formatDate(item.answeredAt, true)}</p> : null}
          <blockquote className="feedback-answer" dir="auto" lang={item.locale}>
            {item.answer}
          </blockquote>
        </>
      ) : null}
    </>
  );
}

export function HandlingForms({
  item,
  can,
  assignees,
  errors,
  values,
}: FormEcho & {
  item: FileView;
  can: Can;
  assignees: { id: string; displayName: string; role: Role }[];
}) {
  const { t } = useI18n();
  const path = `/complaints/${item.id}`;
  return (
    <>
      {can.answer ? (
        <Form method="post" className="stack" aria-labelledby="answer-title">
          <h2 id="answer-title">{t(item.answer ? "feedback.answer.rewrite" : "feedback.answer.title")}</h2>
          <input type="hidden" name="intent" value="answer" />
          <TextareaField
            name="answer"
            label="feedback.field.answer"
            hint="feedback.field.answer.hint"
            rows={6}
            maxLength={FEEDBACK_TEXT_MAX}
            dir="auto"
            lang={item.locale}
            defaultValue={item.answer ?? ""}
            errors={errors}
            values={values}
          />
          <AnswerLanguage locale={item.locale} />
          <button type="submit" className="button">
            {t("feedback.answer.submit")}
          </button>
        </Form>
      ) : null}
      {can.assign ? (
        <Form method="post" className="stack" aria-labelledby="assign-title">
          <h2 id="assign-title">{t("feedback.assign.title")}</h2>
          <input type="hidden" name="intent" value="assign" />
          <SelectField
            name="assigneeId"
            label="feedback.field.assignee"
            placeholder="form.choose"
            defaultValue={item.assigneeId ?? ""}
            options={assignees.map((a) => ({ value: a.id, label: `${a.displayName} (${t(`role.${a.role}`)})` }))}
            errors={errors}
          />
          <button type="submit" className="button button-secondary">
            {t("feedback.assign.submit")}
          </button>
        </Form>
      ) : null}
      {can.close || can.refer ? (
        <div className="danger-zone stack">
          {can.close ? (
            <p>
              <ConfirmLink path={path} intent="close">
                {t("feedback.close.link")}
              </ConfirmLink>
            </p>
          ) : null}
          {can.refer ? (
            <p>
              <ConfirmLink path={path} intent="refer">
                {t("feedback.refer.link")}
              </ConfirmLink>
            </p>
          ) : null}
        </div>
      ) : can.answer && !item.answer ? (
        <p className="hint">{t("feedback.close.answerFirst")}</p>
      ) : null}
    </>
  );
}

export function CloseStep({ item }: { item: FileView }) {
  const { t, formatDate } = useI18n();
  return (
    <ConfirmStep
      title="feedback.close.title"
      intent="close"
      confirmLabel="feedback.close.button"
      cancelTo={`/complaints/${item.id}`}
      tone="primary"
    >
      <p>{t("feedback.close.effects", { date: formatDate(item.receivedAt) })}</p>
      {item.answer ? (
        <blockquote className="feedback-answer" dir="auto" lang={item.locale}>
          {item.answer}
        </blockquote>
      ) : null}
    </ConfirmStep>
  );
}

export function ReferStep({ item, errors }: { item: FileView; errors?: FieldErrors }) {
  const { t } = useI18n();
  return (
    <ConfirmStep
      title="feedback.refer.title"
      intent="refer"
      confirmLabel="feedback.refer.button"
      cancelTo={`/complaints/${item.id}`}
      fields={
        <SelectField
          name="category"
          label="feedback.refer.category"
          placeholder="form.choose"
          options={CONFIDENTIAL_CATEGORIES.map((c) => ({ value: c, label: t(`feedback.category.${c}`) }))}
          errors={errors}
        />
      }
    >
      <p>{t("feedback.refer.effects")}</p>
    </ConfirmStep>
  );
}

/** The language the answer goes out in, named in itself. */
function AnswerLanguage({ locale }: { locale: Locale }) {
  return (
    <p className="hint">
      <Message id="feedback.answer.language" values={{ language: LOCALE_NAMES[locale] }} langs={{ language: locale }} />
    </p>
  );
}
