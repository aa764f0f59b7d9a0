/**
 * The person's applicant account, for the case's own association only: the live link
 * (who linked it, when, the notice's language) with the way to unlink it, or the form to
 * link one with the person's consent, the accounts that may be theirs, and whether
 * another association may know the person (never which, never why).
 */
import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { CheckboxField, Field, FieldError, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { NoticeLanguageField } from "~/modules/office/sections";
import { UNLINK_REASONS } from "../constants";
import type { AccountPanel } from "../account-links.server";
import { CaseFormLink } from "./form-page";
import { Section, useIntentResult } from "./section";

/** The file's section: the link, or that there is none, and the way to the account's page. */
export function AccountSection({ account, caseId }: { account: AccountPanel; caseId: string }) {
  const { t } = useI18n();
  return (
    <Section title="protection.link.title" id="account">
      <Elsewhere account={account} />
      {account.userId ? <Linked account={account} /> : <p>{t("protection.link.none")}</p>}
      <CaseFormLink
        caseId={caseId}
        page="account"
        label={account.userId ? "protection.link.unlink" : "protection.link.open"}
      />
    </Section>
  );
}

/** The account's page (protection.cases.$caseId.account): unlink the live link, or link one. */
export function AccountForms({ account }: { account: AccountPanel }) {
  return (
    <>
      <Elsewhere account={account} />
      {account.userId ? (
        <>
          <Linked account={account} />
          <UnlinkForm />
        </>
      ) : (
        <LinkForm account={account} />
      )}
    </>
  );
}

function Elsewhere({ account }: { account: AccountPanel }) {
  const { t } = useI18n();
  return account.elsewhere ? (
    <p className="alert" data-testid="match-elsewhere">
      {t("protection.link.elsewhere")}
    </p>
  ) : null;
}

function Linked({ account }: { account: AccountPanel }) {
  const { t, formatDate } = useI18n();
  const link = account.link;
  return (
    <>
      <p data-testid="linked-account">
        {t("protection.link.linked")} <bdi>{link?.displayName}</bdi>
        {link?.contact ? (
          <>
            {" "}
            (<bdi dir="ltr">{link.contact}</bdi>)
          </>
        ) : null}
      </p>
      {link?.linkedAt ? (
        <p className="hint">
          {t("protection.link.linkedBy", {
            name: link.linkedBy ?? "—",
            date: formatDate(link.linkedAt, true),
            language: link.noticeLanguage ? t(`office.lang.${link.noticeLanguage}`) : "—",
          })}
        </p>
      ) : null}
      <p className="actions">
        <Link className="button button-secondary" to={`/office/people/${account.userId}`}>
          {t("protection.link.actFor")}
        </Link>
      </p>
    </>
  );
}

function UnlinkForm() {
  const { t } = useI18n();
  const { errors, values } = useIntentResult("unlink");
  return (
    <>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="unlink" />
        <SelectField
          name="reason"
          label="protection.link.unlinkReason"
          placeholder="protection.closure.choose"
          options={UNLINK_REASONS.map((r) => ({ value: r, label: t(`protection.link.reason.${r}`) }))}
          errors={errors}
          values={values}
        />
        <button type="submit" className="button button-secondary">
          {t("protection.link.unlink")}
        </button>
      </Form>
    </>
  );
}

function LinkForm({ account }: { account: AccountPanel }) {
  const { t } = useI18n();
  const { errors, values } = useIntentResult("link");
  return (
    <>
      <p>{t("protection.link.none")}</p>
      {account.suggestions.length ? (
        <div data-testid="possible-accounts">
          <p className="hint">{t("protection.link.possible")}</p>
          <ul className="list">
            {account.suggestions.map((s) => (
              <li key={s.id} className="list-item">
                <bdi>{s.displayName}</bdi>
                {s.contact ? (
                  <>
                    {" "}
                    · <bdi dir="ltr">{s.contact}</bdi>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="link" />
        <p className="hint">{t("protection.link.intro")}</p>
        <Field name="account" label="protection.link.account" dir="ltr" errors={errors} values={values} />
        <NoticeLanguageField errors={errors} values={values} />
        <CheckboxField name="consent" label="protection.link.consent" values={values} />
        <FieldError name="consent" errors={errors} />
        <button type="submit" className="button">
          {t("protection.link.submit")}
        </button>
      </Form>
    </>
  );
}
