import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { parseForm, type FieldErrors } from "~/lib/forms.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import {
  applicationsOfCall,
  assignmentsOfCall,
  awardsOfCall,
  committeeMembers,
  conflictsOfCall,
  getCall,
  proposalForCall,
  rankingForCall,
} from "~/modules/grants/queries.server";
import { nextStatus } from "~/modules/grants/rules";
import { parseMoney } from "~/lib/money";
import {
  AwardChangeSchema,
  CommentSchema,
  ConflictDecisionSchema,
  MoveAssignmentSchema,
  PaymentSchema,
  ScheduleSchema,
  ScreenSchema,
  TrancheConfirmSchema,
  TransitionSchema,
} from "~/modules/grants/schemas.server";
import {
  acceptProposal,
  changeAward,
  confirmTrancheCondition,
  decideConflict,
  detectCallConflicts,
  moveAssignment,
  payTranche,
  runAutoAssignment,
  screenApplication,
  setDecisionComment,
  setTrancheSchedule,
  transitionCall,
} from "~/modules/grants/service.server";
import { Msg, callTitle, criterionLabel } from "~/modules/grants/ui";

const REVIEW_STATES = ["under_review", "deliberation", "decided"];

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "grants:manage");
  const db = args.context.db;
  const callId = args.params.callId ?? "";
  if (!/^[0-9a-f-]{36}$/i.test(callId)) notFound();
  const found = await getCall(db, callId);
  if (!found) notFound();
  const { call, criteria } = found;
  const showRanking = REVIEW_STATES.includes(call.status);
  const [applications, assignments, conflicts, members, awards] = await Promise.all([
    applicationsOfCall(db, call.id),
    assignmentsOfCall(db, call.id),
    conflictsOfCall(db, call.id),
    committeeMembers(db),
    awardsOfCall(db, call.id),
  ]);
  const ranking = showRanking ? await rankingForCall(db, call.id) : [];
  const normalised = showRanking ? await rankingForCall(db, call.id, { normalise: true }) : [];
  const proposal = call.status === "deliberation" ? await proposalForCall(db, call.id) : null;
  return {
    call: {
      id: call.id,
      titleFr: call.titleFr,
      titleAr: call.titleAr,
      titleEn: call.titleEn,
      status: call.status,
      next: nextStatus(call.status),
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      reviewDeadline: call.reviewDeadline.toISOString(),
      budgetCentimes: call.budgetCentimes,
      maxGrantCentimes: call.maxGrantCentimes,
      awardedCentimes: call.awardedCentimes,
      quotas: call.quotas,
      tranches: call.tranches,
    },
    criteria: criteria.map((c) => ({
      id: c.id,
      labelFr: c.labelFr,
      labelAr: c.labelAr,
      labelEn: c.labelEn,
      maxScore: c.maxScore,
      weight: c.weight,
    })),
    applications: applications.map((a) => ({ ...a, submittedAt: a.submittedAt.toISOString() })),
    assignments: assignments.map((a) => ({ ...a, submittedAt: a.submittedAt?.toISOString() ?? null })),
    conflicts,
    members,
    ranking: ranking.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })),
    normalised: normalised.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })),
    proposal: proposal?.proposal ?? null,
    awards: awards.map((a) => ({
      id: a.award.id,
      reference: a.award.reference,
      number: a.number,
      applicationId: a.award.applicationId,
      applicantName: a.applicantName,
      amountCentimes: a.award.amountCentimes,
      paidCentimes: a.award.paidCentimes,
      tranches: a.tranches.map((t) => ({
        id: t.id,
        position: t.position,
        condition: t.condition,
        amountCentimes: t.amountCentimes,
        confirmed: Boolean(t.conditionConfirmedAt),
        paidAt: t.paidAt?.toISOString() ?? null,
        method: t.method,
      })),
    })),
  };
}

type ActionResult = { ok: false; intent: string; errors: FieldErrors };

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "grants:manage");
  const db = args.context.db;
  const callId = args.params.callId ?? "";
  if (!/^[0-9a-f-]{36}$/i.test(callId)) notFound();
  const found = await getCall(db, callId);
  if (!found) notFound();
  const form = await args.request.formData();
  const intent = String(form.get("intent") ?? "");
  const meta = { ip: args.context.ip };
  const bad = (errors: FieldErrors, status = 400) => data<ActionResult>({ ok: false, intent, errors }, { status });
  let result: { ok: true } | { ok: false; status: number; errors: FieldErrors };
  switch (intent) {
    case "transition": {
      const p = parseForm(TransitionSchema, form);
      if (!p.ok) return bad(p.errors);
      result = await transitionCall(db, actor, { callId, to: p.data.to }, meta);
      break;
    }
    case "screen": {
      const p = parseForm(ScreenSchema, form);
      if (!p.ok) return bad(p.errors);
      result = await screenApplication(db, actor, p.data, meta);
      break;
    }
    case "schedule": {
      const p = parseForm(ScheduleSchema, form);
      if (!p.ok) return bad(p.errors);
      result = await setTrancheSchedule(db, actor, { callId, ...p.data }, meta);
      break;
    }
    case "assign":
      result = await runAutoAssignment(db, actor, { callId }, meta);
      break;
    case "detect":
      result = await detectCallConflicts(db, actor, { callId }, meta);
      break;
    case "conflict": {
      const p = parseForm(ConflictDecisionSchema, form);
      if (!p.ok) return bad(p.errors);
      result = await decideConflict(db, actor, p.data, meta);
      break;
    }
    case "move": {
      const p = parseForm(MoveAssignmentSchema, form);
      if (!p.ok) return bad(p.errors);
      result = await moveAssignment(db, actor, p.data, meta);
      break;
    }
    case "accept":
      result = await acceptProposal(db, actor, { callId }, meta);
      break;
    case "change": {
      const p = parseForm(AwardChangeSchema, form);
      if (!p.ok) return bad(p.errors);
      let amountCentimes: number | undefined;
      if (p.data.change === "award") {
        const c = parseMoney(p.data.amount ?? "");
        if (c === null || c <= 0) return bad({ amount: "grants.errors.amount" });
        amountCentimes = c;
      }
      result = await changeAward(db, actor, { ...p.data, amountCentimes }, meta);
      break;
    }
    case "comment": {
      const p = parseForm(CommentSchema, form);
      if (!p.ok) return bad(p.errors);
      result = await setDecisionComment(db, actor, p.data, meta);
      break;
    }
    case "confirmTranche": {
      const p = parseForm(TrancheConfirmSchema, form);
      if (!p.ok) return bad(p.errors);
      result = await confirmTrancheCondition(db, actor, p.data, meta);
      break;
    }
    case "pay": {
      const p = parseForm(PaymentSchema, form);
      if (!p.ok) return bad(p.errors);
      result = await payTranche(db, actor, p.data, meta);
      break;
    }
    default:
      return bad({ form: "errors.invalid" });
  }
  if (!result.ok) {
    if (result.status === 404) notFound();
    return bad(result.errors, result.status);
  }
  return redirect(`/grants/calls/${callId}`);
}

export default function CallPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale, formatDate, formatMoney, formatNumber } = useI18n();
  const errors = actionData?.errors;
  const { call } = d;
  const fmt = (n: number) => formatNumber(Math.round(n * 10) / 10);
  const numberOf = (applicationId: string) => d.applications.find((a) => a.id === applicationId)?.number ?? "?";
  return (
    <div>
      <PageTitle>{callTitle(call, locale)}</PageTitle>
      <FormAlert
        message={
          errors?.form ??
          errors?.justification ??
          errors?.amount ??
          errors?.reason ??
          errors?.reviewerId ??
          errors?.trancheSignature
        }
      />
      <dl className="facts">
        <dt>{t("grants.call.status")}</dt>
        <dd data-testid="call-status">{t(`grants.status.${call.status}`)}</dd>
        <dt>{t("grants.call.closes")}</dt>
        <dd>{formatDate(call.closesAt, true)}</dd>
        <dt>{t("grants.call.reviewDeadline")}</dt>
        <dd>{formatDate(call.reviewDeadline, true)}</dd>
        <dt>{t("grants.call.budget")}</dt>
        <dd>{formatMoney(call.budgetCentimes)}</dd>
        <dt>{t("grants.call.maxGrant")}</dt>
        <dd>{formatMoney(call.maxGrantCentimes)}</dd>
        <dt>{t("grants.call.awarded")}</dt>
        <dd data-testid="call-awarded">{formatMoney(call.awardedCentimes)}</dd>
      </dl>
      {call.next ? (
        <Form method="post">
          <input type="hidden" name="intent" value="transition" />
          <input type="hidden" name="to" value={call.next} />
          <button type="submit" className="button">
            {t(`grants.transition.${call.next}`)}
          </button>
        </Form>
      ) : null}
      <p>
        <a href={`/grants/calls/${call.id}/ranking.csv`}>{t("grants.call.exportRanking")}</a> ·{" "}
        <a href={`/grants/calls/${call.id}/decisions.csv`}>{t("grants.call.exportDecisions")}</a> ·{" "}
        <a href={`/grants/calls/${call.id}/report.pdf`}>{t("grants.call.report")}</a>
      </p>

      {call.status !== "decided" ? (
        <Form method="post" className="filters">
          <input type="hidden" name="intent" value="schedule" />
          {(
            [
              ["trancheSignature", "signature"],
              ["trancheStarted", "business_started"],
              ["trancheSixMonths", "six_months"],
            ] as const
          ).map(([name, condition]) => (
            <label key={name}>
              {t(`grants.condition.${condition}`)} (%)
              <input
                name={name}
                type="number"
                min={0}
                max={100}
                inputMode="numeric"
                defaultValue={call.tranches.find((tr) => tr.condition === condition)?.percent ?? 0}
              />
            </label>
          ))}
          <button type="submit" className="button">
            {t("grants.call.saveSchedule")}
          </button>
        </Form>
      ) : null}

      <h2>{t("grants.call.rubric")}</h2>
      <ul className="list">
        {d.criteria.map((c) => (
          <li key={c.id} className="list-item">
            {criterionLabel(c, locale)} · /{c.maxScore} · {c.weight} %
          </li>
        ))}
      </ul>

      <h2>{t("grants.call.applications")}</h2>
      {d.applications.length === 0 ? <p>{t("grants.call.noApplications")}</p> : null}
      <ul className="list">
        {d.applications.map((a) => (
          <li key={a.id} className="list-item stack">
            <p>
              <strong>#{a.number}</strong> · {a.applicantName} · {t(`grants.app.status.${a.status}`)} ·{" "}
              {formatMoney(a.requestedCentimes)}
            </p>
            {a.eligibilityFailures.map((f, i) => (
              <p key={i} className="hint">
                <Msg message={f} />
              </p>
            ))}
            {a.screeningReason ? <p className="hint">{a.screeningReason}</p> : null}
            {["submitted", "eligible", "ineligible"].includes(a.status) && call.status !== "decided" ? (
              <Form method="post" className="filters">
                <input type="hidden" name="intent" value="screen" />
                <input type="hidden" name="applicationId" value={a.id} />
                <label>
                  {t("grants.call.screen")}
                  <select name="decision" defaultValue={a.status === "ineligible" ? "ineligible" : "eligible"}>
                    <option value="eligible">{t("grants.app.status.eligible")}</option>
                    <option value="ineligible">{t("grants.app.status.ineligible")}</option>
                  </select>
                </label>
                <label>
                  {t("grants.call.reason")}
                  <input name="reason" required />
                </label>
                <button type="submit" className="button">
                  {t("grants.call.confirm")}
                </button>
              </Form>
            ) : null}
            {call.status === "deliberation" ? (
              <Form method="post" className="filters">
                <input type="hidden" name="intent" value="comment" />
                <input type="hidden" name="applicationId" value={a.id} />
                <label>
                  {t("grants.call.comment")}
                  <input name="comment" defaultValue={a.decisionComment ?? ""} required />
                </label>
                <button type="submit" className="button">
                  {t("grants.call.save")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>

      <h2>{t("grants.call.assignments")}</h2>
      <div className="filters">
        <Form method="post">
          <input type="hidden" name="intent" value="detect" />
          <button type="submit" className="button">
            {t("grants.call.detectConflicts")}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="assign" />
          <button type="submit" className="button">
            {t("grants.call.autoAssign")}
          </button>
        </Form>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("grants.call.applications")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("grants.col.number")}</th>
              <th scope="col">{t("grants.col.reviewer")}</th>
              <th scope="col">{t("grants.col.submitted")}</th>
              <th scope="col">{t("grants.call.move")}</th>
            </tr>
          </thead>
          <tbody>
            {d.assignments.map((a) => (
              <tr key={a.id}>
                <td>#{a.number}</td>
                <td>{a.reviewerName}</td>
                <td>{a.submittedAt ? formatDate(a.submittedAt) : "—"}</td>
                <td>
                  <Form method="post" className="filters">
                    <input type="hidden" name="intent" value="move" />
                    <input type="hidden" name="assignmentId" value={a.id} />
                    <select name="reviewerId" aria-label={t("grants.call.move")}>
                      {d.members
                        .filter((m) => m.id !== a.reviewerId)
                        .map((m) => (
                          <option key={m.id} value={m.id}>
                            {m.name}
                          </option>
                        ))}
                    </select>
                    <button type="submit" className="button">
                      {t("grants.call.move")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("grants.call.conflicts")}</h2>
      <ul className="list">
        {d.conflicts.map((c) => (
          <li key={c.id} className="list-item">
            <p>
              #{c.number} · {c.reviewerName} · {t(`grants.conflict.${c.source}`)} · {t(`grants.conflict.${c.status}`)} ·{" "}
              {c.source === "detected"
                ? c.reason
                    .split(",")
                    .map((r) => t(r as MessageKey))
                    .join(", ")
                : c.reason}
            </p>
            {c.status === "pending" ? (
              <div className="filters">
                {(["confirmed", "dismissed"] as const).map((decision) => (
                  <Form method="post" key={decision}>
                    <input type="hidden" name="intent" value="conflict" />
                    <input type="hidden" name="conflictId" value={c.id} />
                    <input type="hidden" name="decision" value={decision} />
                    <button type="submit" className="button">
                      {t(decision === "confirmed" ? "grants.call.confirm" : "grants.call.dismiss")}
                    </button>
                  </Form>
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ul>

      {d.ranking.length ? (
        <>
          {[
            { title: "grants.call.ranking" as const, rows: d.ranking, id: "ranking" },
            { title: "grants.call.rankingNormalised" as const, rows: d.normalised, id: "ranking-normalised" },
          ].map((block) => (
            <section key={block.id}>
              <h2>{t(block.title)}</h2>
              <p className="hint">{t("grants.call.tieBreak")}</p>
              <div className="table-wrap" tabIndex={0} role="region" aria-label={t(block.title)}>
                <table data-testid={block.id}>
                  <thead>
                    <tr>
                      <th scope="col">{t("grants.col.rank")}</th>
                      <th scope="col">{t("grants.col.number")}</th>
                      <th scope="col">{t("grants.col.mean")}</th>
                      <th scope="col">{t("grants.col.sd")}</th>
                      <th scope="col">{t("grants.col.range")}</th>
                      <th scope="col">{t("grants.col.reviews")}</th>
                      <th scope="col">{t("grants.col.flag")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((r) => (
                      <tr key={r.applicationId} className={r.disagreement ? "grants-flag" : undefined}>
                        <td>{r.rank}</td>
                        <td>#{r.number}</td>
                        <td>{fmt(r.mean)}</td>
                        <td>{fmt(r.sd)}</td>
                        <td>{fmt(r.range)}</td>
                        <td>{r.reviewers}</td>
                        <td>{r.disagreement ? t("grants.yes") : t("grants.no")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </>
      ) : null}

      {d.proposal ? (
        <section>
          <h2>{t("grants.call.proposal")}</h2>
          {d.proposal.explanations.length === 0 ? <p>{t("grants.proposal.empty")}</p> : null}
          <ol className="stack" data-testid="proposal">
            {d.proposal.explanations.map((e, i) => (
              <li key={i}>
                <Msg message={e} />
              </li>
            ))}
          </ol>
          <p>{t("grants.proposal.remaining", { amount: formatMoney(d.proposal.remainingCentimes) })}</p>
          {d.awards.length === 0 && d.proposal.awards.length > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="accept" />
              <button type="submit" className="button">
                {t("grants.call.acceptProposal")}
              </button>
            </Form>
          ) : null}
          <h3>{t("grants.call.change")}</h3>
          <Form method="post" className="stack narrow">
            <input type="hidden" name="intent" value="change" />
            <div className="field">
              <label htmlFor="f-change-app">{t("grants.col.number")}</label>
              <select id="f-change-app" name="applicationId">
                {d.applications
                  .filter((a) => a.status === "eligible")
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      #{a.number} · {a.applicantName}
                    </option>
                  ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-change">{t("grants.col.decision")}</label>
              <select id="f-change" name="change">
                <option value="award">{t("grants.call.changeAward")}</option>
                <option value="remove">{t("grants.call.changeRemove")}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-amount">{t("grants.col.amount")}</label>
              <input id="f-amount" name="amount" inputMode="decimal" />
            </div>
            <div className="field">
              <label htmlFor="f-justification">{t("grants.call.justification")}</label>
              <textarea id="f-justification" name="justification" rows={3} required />
            </div>
            <button type="submit" className="button">
              {t("grants.call.save")}
            </button>
          </Form>
        </section>
      ) : null}

      {d.awards.length ? (
        <section>
          <h2>{t("grants.call.awards")}</h2>
          <ul className="list">
            {d.awards.map((a) => (
              <li key={a.id} className="list-item stack">
                <p>
                  <strong>{a.reference}</strong> · #{numberOf(a.applicationId)} · {a.applicantName} ·{" "}
                  {formatMoney(a.amountCentimes)} · {t("grants.col.paid")} {formatMoney(a.paidCentimes)}
                </p>
                {a.tranches.map((tr) => (
                  <div key={tr.id} className="filters">
                    <span>
                      {tr.position}. {t(`grants.condition.${tr.condition}`)} · {formatMoney(tr.amountCentimes)} ·{" "}
                      {tr.paidAt
                        ? t("grants.tranche.paid", { date: formatDate(tr.paidAt) })
                        : tr.confirmed
                          ? t("grants.tranche.confirmed")
                          : t("grants.tranche.pending")}
                    </span>
                    {!tr.confirmed ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="confirmTranche" />
                        <input type="hidden" name="trancheId" value={tr.id} />
                        <button type="submit" className="button">
                          {t("grants.call.confirm")}
                        </button>
                      </Form>
                    ) : null}
                    {tr.confirmed && !tr.paidAt ? (
                      <Form method="post" className="filters">
                        <input type="hidden" name="intent" value="pay" />
                        <input type="hidden" name="trancheId" value={tr.id} />
                        <label>
                          {t("grants.call.method")}
                          <select name="method">
                            {(["bank_transfer", "cash", "mobile_money"] as const).map((m) => (
                              <option key={m} value={m}>
                                {t(`grants.method.${m}`)}
                              </option>
                            ))}
                          </select>
                        </label>
                        <label>
                          {t("grants.call.reference")}
                          <input name="reference" required />
                        </label>
                        <button type="submit" className="button">
                          {t("grants.call.pay")}
                        </button>
                      </Form>
                    ) : null}
                  </div>
                ))}
                <p>
                  <Link to={`/grants/applications/${a.applicationId}`}>
                    {t("grants.application.title", { number: numberOf(a.applicationId) })}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
