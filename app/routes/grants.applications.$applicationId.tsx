import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormAlert, PageTitle } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { getApplicationFor } from "~/modules/grants/queries.server";
import { withdrawApplication } from "~/modules/grants/service.server";
import { Msg } from "~/modules/grants/ui";
import { WithdrawLink, WithdrawnReceipt, WithdrawStep } from "~/modules/grants/withdraw-step";
import { SentPanel } from "~/modules/grants/apply-sections";
import { idParam } from "~/lib/params.server";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";

const WITHDRAWABLE = ["submitted", "eligible", "ineligible"];

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "grants:read-application");
  const applicationId = idParam(args, "applicationId");
  const found = await getApplicationFor(args.context.db, user, applicationId);
  if (!found) notFound();
  const { app, call, decided, award, tranches } = found;
  const reviewStarted = ["under_review", "deliberation", "decided"].includes(call.status);
  return {
    id: app.id,
    number: app.number,
    status: app.status,
    title: { titleFr: call.titleFr, titleAr: call.titleAr, titleEn: call.titleEn },
    submittedAt: app.submittedAt.toISOString(),
    screened: app.status !== "submitted",
    reviewStarted,
    decided,
    failures: app.status === "ineligible" ? app.eligibilityFailures : [],
    screeningReason: app.status === "ineligible" ? app.screeningReason : null,
    comment: decided ? app.decisionComment : null,
    award: award
      ? { reference: award.reference, amountCentimes: award.amountCentimes, paidCentimes: award.paidCentimes }
      : null,
    tranches: tranches.map((t) => ({
      id: t.id,
      condition: t.condition,
      amountCentimes: t.amountCentimes,
      paidAt: t.paidAt?.toISOString() ?? null,
    })),
    closesAt: call.closesAt.toISOString(),
    reviewDeadline: call.reviewDeadline.toISOString(),
    canWithdraw: canWithdraw(user.id, app, call),
    // the step is offered only where withdrawing is
    confirm: confirmStep(args, ["withdraw"]) && canWithdraw(user.id, app, call) ? ("withdraw" as const) : null,
  };
}

function canWithdraw(userId: string, app: { applicantId: string; status: string }, call: { closesAt: Date }) {
  return userId === app.applicantId && WITHDRAWABLE.includes(app.status) && new Date() < call.closesAt;
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "grants:apply");
  const applicationId = idParam(args, "applicationId");
  // someone else's application is not found, before any step
  const found = await getApplicationFor(args.context.db, user, applicationId);
  if (!found || found.app.applicantId !== user.id) notFound();
  const form = await args.request.formData();
  const step = unlessConfirmed(args.request, form, "withdraw");
  if (step) return step;
  const r = await withdrawApplication(args.context.db, user, { applicationId }, { ip: args.context.ip });
  if (!r.ok) {
    if (r.status === 404) notFound();
    return data({ error: r.errors.form ?? null }, { status: r.status });
  }
  return redirect(`/grants/applications/${applicationId}?withdrawn=1`);
}

/** What the person reads right after sending or withdrawing (and only then: the address says so). */
function Receipt({ d, params }: { d: ReturnType<typeof useLoaderData<typeof loader>>; params: URLSearchParams }) {
  if (params.get("withdrawn") && d.status === "withdrawn") return <WithdrawnReceipt closesAt={d.closesAt} />;
  if (!params.get("sent") || d.status === "withdrawn") return null;
  return (
    <SentPanel
      number={d.number}
      closesAt={d.closesAt}
      reviewDeadline={d.reviewDeadline}
      eligible={d.status !== "ineligible"}
    />
  );
}

/** The plan as frozen in the application, as its PDF. */
function PlanLink({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  return (
    <p>
      <a href={`/grants/applications/${applicationId}/plan.pdf`} download data-testid="application-plan-pdf">
        {t("grants.review.planPdf")}
      </a>
    </p>
  );
}

export default function ApplicationPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, formatDate, formatMoney } = useI18n();
  if (d.confirm) return <WithdrawStep d={d} />;
  const steps = [
    { key: "grants.timeline.submitted" as const, done: true, date: d.submittedAt },
    { key: "grants.timeline.eligible" as const, done: d.screened || d.status === "ineligible", date: null },
    { key: "grants.timeline.review" as const, done: d.reviewStarted, date: null },
    { key: "grants.timeline.decided" as const, done: d.decided, date: null },
  ];
  return (
    <div>
      <PageTitle>{t("grants.application.title", { number: d.number })}</PageTitle>
      <p>
        <LocalizedText row={d.title} field="title" />
      </p>
      <p data-testid="application-status">{t(`grants.app.status.${d.status}`)}</p>
      <Receipt d={d} params={params} />
      <PlanLink applicationId={d.id} />
      <FormAlert message={actionData?.error} />
      <h2>{t("grants.timeline.title")}</h2>
      <ol className="grants-timeline">
        {steps.map((s) => (
          <li key={s.key} className={s.done ? "grants-step-done" : "grants-step"}>
            {t(s.key)}
            {s.date ? ` · ${formatDate(s.date)}` : ""}
          </li>
        ))}
      </ol>
      {d.failures.length ? (
        <>
          <h2>{t("grants.application.reasons")}</h2>
          <ul>
            {d.failures.map((f, i) => (
              <li key={i}>
                <Msg message={f} />
              </li>
            ))}
          </ul>
          {d.screeningReason ? <p>{d.screeningReason}</p> : null}
        </>
      ) : null}
      {d.decided ? (
        <section>
          <h2>{t("grants.application.decision")}</h2>
          {d.award ? (
            <p>
              <span dir="ltr">{d.award.reference}</span> · {formatMoney(d.award.amountCentimes)}
            </p>
          ) : null}
          {d.comment ? <p>{d.comment}</p> : null}
          <p>
            <a href={`/grants/applications/${d.id}/letter.pdf`}>{t("grants.application.letter")}</a>
          </p>
          {d.tranches.length ? (
            <>
              <h3>{t("grants.application.tranches")}</h3>
              <ul>
                {d.tranches.map((tr) => (
                  <li key={tr.id}>
                    {t(`grants.condition.${tr.condition}`)} · {formatMoney(tr.amountCentimes)} ·{" "}
                    {tr.paidAt
                      ? t("grants.tranche.paid", { date: formatDate(tr.paidAt) })
                      : t("grants.tranche.pending")}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {d.canWithdraw ? <WithdrawLink applicationId={d.id} /> : null}
    </div>
  );
}
