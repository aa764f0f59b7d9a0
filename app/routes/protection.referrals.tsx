import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmStep } from "~/components/confirm-step";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { parseForm } from "~/lib/forms.server";
import { parseQuery, query } from "~/lib/params.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { ReferralDecision } from "~/modules/protection/case-file/partner-sections";
import { incomingReferrals } from "~/modules/protection/queries.server";
import { DecideReferralSchema } from "~/modules/protection/schemas.server";
import { decideReferral } from "~/modules/protection/service.server";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const rows = await incomingReferrals(args.context.db, actor);
  const referrals = rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  const asked = confirmStep(args, ["reject"]);
  const { referralId } = parseQuery(args, { referralId: query.id() });
  // a referral decided meanwhile (or not ours) has no step: the list says what is left
  const rejecting = asked === "reject" ? (referrals.find((r) => r.id === referralId) ?? null) : null;
  return { referrals, rejecting };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const form = await args.request.formData();
  const parsed = parseForm(DecideReferralSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  if (parsed.data.decision === "reject") {
    // a referral that is not (or no longer) this association's to decide: 404, not the step
    const incoming = await incomingReferrals(args.context.db, actor);
    if (!incoming.some((r) => r.id === parsed.data.referralId)) throw new Response("Not Found", { status: 404 });
    const step = unlessConfirmed(args.request, form, "reject", ["referralId"]);
    if (step) return step;
  }
  const row = await decideReferral(args.context.db, actor, parsed.data.referralId, parsed.data.decision, {
    ip: args.context.ip,
  });
  return redirect(parsed.data.decision === "accept" ? `/protection/cases/${row.caseId}` : "/protection/referrals");
}

type Referral = ReturnType<typeof useLoaderData<typeof loader>>["referrals"][number];

function RejectStep({ r }: { r: Referral }) {
  const { t, formatDate } = useI18n();
  const kind = t(`protection.referral.kind.${r.kind}`);
  return (
    <ConfirmStep
      title="protection.confirm.reject.title"
      titleValues={{ kind }}
      intent="reject"
      hidden={{ referralId: r.id, decision: "reject" }}
      confirmLabel="protection.confirm.reject.button"
      cancelTo="/protection/referrals"
    >
      <p>
        {t("protection.confirm.reject.from", {
          from: r.fromName,
          date: formatDate(r.createdAt),
          reference: r.reference,
        })}
      </p>
      <p>{t("protection.confirm.reject.effects")}</p>
    </ConfirmStep>
  );
}

export default function Referrals() {
  const { referrals, rejecting } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  if (rejecting) return <RejectStep r={rejecting} />;
  return (
    <div>
      <PageTitle>{t("protection.referrals.title")}</PageTitle>
      {referrals.length === 0 ? <p>{t("protection.referrals.none")}</p> : null}
      <ul className="list">
        {referrals.map((r) => (
          <li key={r.id} className="list-item" data-referral={r.id}>
            <p>
              {t(`protection.referral.kind.${r.kind}`)} · <bdi>{r.fromName}</bdi> · {formatDate(r.createdAt)} ·{" "}
              <bdi dir="ltr">{r.reference}</bdi>
            </p>
            <p>
              {t("protection.referrals.details", {
                reason: t(r.reason ? `protection.referral.reason.${r.reason}` : "protection.referral.reason.unknown"),
                urgency: r.urgency ? t(`protection.referral.urgency.${r.urgency}`) : "—",
              })}
            </p>
            {r.requestedServices.length ? (
              <p className="hint">
                {t("protection.referrals.services", {
                  services: r.requestedServices.map((k) => t(`protection.service.${k}`)).join(" · "),
                })}
              </p>
            ) : null}
            {/* before accepting: the sections the referring association ticked, read only */}
            <p>
              <Link to={`/protection/cases/${r.caseId}`}>{t("protection.referrals.open")}</Link>
            </p>
            <ReferralDecision referralId={r.id} />
          </li>
        ))}
      </ul>
    </div>
  );
}
