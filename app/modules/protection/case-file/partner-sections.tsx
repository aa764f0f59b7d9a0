/**
 * What a receiving association reads at the top of a referred case: each live request of
 * its association (who refers, why, how urgent, the services asked for, the sections
 * shared) and, while one is pending, the way to accept or reject it.
 */
import { Form } from "@remix-run/react";
import { ConfirmLink } from "~/components/confirm-step";
import { useI18n } from "~/i18n/i18n-context";
import type { ServiceKind } from "~db/schema";
import { SHARED_SECTIONS, type REFERRAL_REASONS, type REFERRAL_URGENCIES, type Sections } from "../rules";
import type { CaseFileData } from "./data.server";
import { Section } from "./section";

type Request = {
  reason: (typeof REFERRAL_REASONS)[number] | null;
  urgency: (typeof REFERRAL_URGENCIES)[number] | null;
  requestedServices: readonly ServiceKind[];
} & Sections;

/** Reason, urgency, services asked for and sections shared, as one definition list. */
export function RequestFacts({ r }: { r: Request }) {
  const { t } = useI18n();
  const shared = SHARED_SECTIONS.filter((s) => r[s]).map((s) => t(`protection.referral.share.${s}`));
  return (
    <dl className="facts">
      <dt>{t("protection.referral.reasonLabel")}</dt>
      <dd>{t(r.reason ? `protection.referral.reason.${r.reason}` : "protection.referral.reason.unknown")}</dd>
      <dt>{t("protection.referral.urgencyLabel")}</dt>
      <dd>{r.urgency ? t(`protection.referral.urgency.${r.urgency}`) : "—"}</dd>
      <dt>{t("protection.referral.servicesLabel")}</dt>
      <dd>
        {r.requestedServices.length ? r.requestedServices.map((k) => t(`protection.service.${k}`)).join(" · ") : "—"}
      </dd>
      <dt>{t("protection.referral.shareLabel")}</dt>
      <dd>{shared.length ? shared.join(" · ") : t("protection.referral.sharedNone")}</dd>
    </dl>
  );
}

export function PartnerRequestsSection({ d }: { d: CaseFileData }) {
  const { t, formatDate } = useI18n();
  return (
    <Section title="protection.referral.title" id="requests">
      <p className="hint">
        {t(d.reach === "pending" ? "protection.partner.pendingHint" : "protection.partner.acceptedHint")}
      </p>
      <ul className="list">
        {d.requests.map((r) => (
          <li key={r.id} className="list-item" data-request={r.status}>
            <h3>{t("protection.partner.requests", { from: r.fromName })}</h3>
            <p>
              {t("protection.partner.requestLine", {
                kind: t(`protection.referral.kind.${r.kind}`),
                date: formatDate(r.createdAt),
                status: t(`protection.referral.status.${r.status}`),
              })}
            </p>
            <RequestFacts r={r} />
            {r.status === "pending" ? <ReferralDecision referralId={r.id} /> : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Accept a pending referral, or reject it through its confirmation step (both answered by /protection/referrals). */
export function ReferralDecision({ referralId }: { referralId: string }) {
  const { t } = useI18n();
  return (
    <>
      <Form method="post" action="/protection/referrals">
        <input type="hidden" name="referralId" value={referralId} />
        <button type="submit" name="decision" value="accept" className="button">
          {t("protection.referrals.accept")}
        </button>
      </Form>
      <p className="danger-zone">
        <ConfirmLink path="/protection/referrals" intent="reject" extra={{ referralId }}>
          {t("protection.referrals.reject")}
        </ConfirmLink>
      </p>
    </>
  );
}
