import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { incomingReferrals } from "~/modules/protection/queries.server";
import { DecideReferralSchema } from "~/modules/protection/schemas.server";
import { decideReferral } from "~/modules/protection/service.server";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const rows = await incomingReferrals(args.context.db, actor);
  return { referrals: rows.map(({ caseId: _caseId, ...r }) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const parsed = parseForm(DecideReferralSchema, await args.request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const row = await decideReferral(args.context.db, actor, parsed.data.referralId, parsed.data.decision, {
    ip: args.context.ip,
  });
  return redirect(parsed.data.decision === "accept" ? `/protection/cases/${row.caseId}` : "/protection/referrals");
}

export default function Referrals() {
  const { referrals } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <div>
      <PageTitle>{t("protection.referrals.title")}</PageTitle>
      {referrals.length === 0 ? <p>{t("protection.referrals.none")}</p> : null}
      <ul className="list">
        {referrals.map((r) => (
          <li key={r.id} className="list-item">
            <p>
              {t(`protection.referral.kind.${r.kind}`)} · {r.fromName} · {formatDate(r.createdAt)} ·{" "}
              {/* the case opens once accepted: before, only what is shared here */}
              <bdi dir="ltr">{r.reference}</bdi>
            </p>
            <Form method="post" className="actions">
              <input type="hidden" name="referralId" value={r.id} />
              <button type="submit" name="decision" value="accept" className="button">
                {t("protection.referrals.accept")}
              </button>
              <button type="submit" name="decision" value="reject" className="button button-danger">
                {t("protection.referrals.reject")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
