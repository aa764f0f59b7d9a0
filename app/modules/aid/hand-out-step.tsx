import { ConfirmStep } from "~/components/confirm-step";
import { useI18n } from "~/i18n/i18n-context";
import { ItemQuantities } from "./item-quantities";
import type { handOutPreview } from "./hand-out-step.server";

type Preview = NonNullable<Awaited<ReturnType<typeof handOutPreview>>>;

/** The check before a hand-out: who receives what, in which quantities; confirm or go back. */
export function HandOutStep({ p, roundId, roundName }: { p: Preview; roundId: string; roundName: string }) {
  const { t } = useI18n();
  return (
    <ConfirmStep
      title="aid.confirm.title"
      titleValues={{ name: p.name }}
      intent="distribute"
      hidden={{ caseId: p.caseId }}
      confirmLabel="aid.confirm.button"
      cancelTo={`/aid/rounds/${roundId}`}
      irreversible={false}
      tone="primary"
    >
      <p>
        <bdi>{roundName}</bdi> · <span dir="ltr">{p.reference}</span> ·{" "}
        {t("aid.confirm.household", { count: p.householdSize })}
      </p>
      <ItemQuantities items={p.items} testId="hand-out-items" />
      <p className="hint">{t("aid.confirm.stock")}</p>
    </ConfirmStep>
  );
}
