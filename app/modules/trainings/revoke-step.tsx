import { ConfirmStep } from "~/components/confirm-step";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { Trilingual } from "~/lib/localized";

/**
 * The confirmation step of revoking a certificate: whose, for which training, and what
 * it means for them (an employer checking it sees it revoked; it no longer counts for
 * calls that ask for the training).
 */
export function RevokeStep({
  cohortId,
  training,
  holder,
}: {
  cohortId: string;
  training: Trilingual<"title">;
  holder: { certificateId: string; name: string };
}) {
  const { t } = useI18n();
  return (
    <ConfirmStep
      title="trainings.confirm.revoke.title"
      titleValues={{ name: holder.name }}
      intent="revoke"
      hidden={{ certificateId: holder.certificateId }}
      confirmLabel="trainings.confirm.revoke.button"
      cancelTo={`/trainings/cohorts/${cohortId}`}
    >
      <p>
        <LocalizedText row={training} field="title" />
      </p>
      <p>{t("trainings.confirm.revoke.effects")}</p>
    </ConfirmStep>
  );
}
