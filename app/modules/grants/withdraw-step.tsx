import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { useLocalizedLabel } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { Trilingual } from "~/lib/localized";

type Application = {
  id: string;
  number: number;
  submittedAt: string;
  closesAt: string;
  title: Trilingual<"title">;
};

/**
 * The confirmation step of withdrawing a grant application: which application, that the
 * committee will no longer consider it, and until when the person may apply again.
 */
export function WithdrawStep({ d }: { d: Application }) {
  const { t, formatDate } = useI18n();
  const plain = useLocalizedLabel();
  return (
    <ConfirmStep
      title="grants.confirm.withdraw.title"
      titleValues={{ call: plain(d.title, "title") }}
      intent="withdraw"
      confirmLabel="grants.confirm.withdraw.button"
      cancelTo={`/grants/applications/${d.id}`}
    >
      <p>{t("grants.confirm.withdraw.which", { number: d.number, date: formatDate(d.submittedAt) })}</p>
      <p>{t("grants.confirm.withdraw.effects")}</p>
      <p>{t("grants.withdrawn.again", { date: formatDate(d.closesAt, true) })}</p>
    </ConfirmStep>
  );
}

/** The way to withdraw: a link to the step, apart from everything else on the page. */
export function WithdrawLink({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  return (
    <p className="danger-zone">
      <ConfirmLink path={`/grants/applications/${applicationId}`} intent="withdraw">
        {t("grants.apply.withdraw")}
      </ConfirmLink>
    </p>
  );
}

/** What the person reads once the application is withdrawn, and what they may still do. */
export function WithdrawnReceipt({ closesAt }: { closesAt: string }) {
  const { t, formatDate } = useI18n();
  return (
    <div className="alert alert-success" role="status" data-testid="withdrawn">
      <p>
        <strong>{t("grants.withdrawn.done")}</strong>
      </p>
      <p>{t("grants.withdrawn.again", { date: formatDate(closesAt, true) })}</p>
    </div>
  );
}
