import { ConfirmStep } from "~/components/confirm-step";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { handOutPreview } from "./hand-out-step.server";

type Preview = NonNullable<Awaited<ReturnType<typeof handOutPreview>>>;

/** The check before a hand-out: who receives what, in which quantities; confirm or go back. */
export function HandOutStep({ p, roundId, roundName }: { p: Preview; roundId: string; roundName: string }) {
  const { t, formatNumber } = useI18n();
  return (
    <ConfirmStep
      title={t("aid.confirm.title", { name: p.name })}
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
      <ul data-testid="hand-out-items">
        {p.items.map((i) => (
          <li key={i.itemId}>
            <bdi>
              <LocalizedText row={i} field="name" />
            </bdi>{" "}
            × <strong>{formatNumber(i.quantity)}</strong>
          </li>
        ))}
      </ul>
      <p className="hint">{t("aid.confirm.stock")}</p>
    </ConfirmStep>
  );
}
