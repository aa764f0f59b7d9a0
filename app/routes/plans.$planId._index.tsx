import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { EarlierActNote } from "~/components/done-note";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { notFound, requirePermission, requireUser } from "~/modules/auth/guards.server";
import { StepList } from "~/modules/business-plans/components";
import { commentCounts, getReadablePlan, listAttachments } from "~/modules/business-plans/queries.server";
import { incompleteSteps, stepIssues, stepStatus } from "~/modules/business-plans/rules";
import { PLAN_STEPS } from "~/modules/business-plans/constants";
import { addAttachment, deleteAttachment } from "~/modules/business-plans/service.server";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_PLAN } from "~db/schema/business-plans";
import { idParam, parseQuery, query, queryFlag } from "~/lib/params.server";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { readUpload } from "~/lib/upload.server";

const DELETE = "delete-attachment";

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const planId = idParam(args, "planId");
  // read side by side: the counts and the files are kept only once the plan is found readable
  const [found, counts, attachments] = await Promise.all([
    getReadablePlan(args.context.db, user, planId),
    commentCounts(args.context.db, planId),
    listAttachments(args.context.db, planId),
  ]);
  if (!found) notFound();
  const { plan, access, ownerName } = found;
  const missingSteps = incompleteSteps(plan);
  // a file is removed for good: its owner confirms on a step naming it
  const asked = access === "owner" && confirmStep(args, [DELETE]) === DELETE;
  const askedId = asked ? parseQuery(args, { attachmentId: query.id() }).attachmentId : undefined;
  const deleting = attachments.find((a) => a.id === askedId);
  return {
    deleting: deleting ? { id: deleting.id, filename: deleting.filename } : null,
    planId: plan.id,
    name: plan.summary.projectName ?? null,
    ownerName,
    readOnly: access !== "owner",
    complete: missingSteps.length === 0,
    nextStep: missingSteps[0] ?? null,
    steps: PLAN_STEPS.map((step) => ({
      step,
      state: stepStatus(plan, step),
      missing: stepIssues(plan, step),
      comments: counts[step] ?? 0,
    })),
    attachments: attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    maxAttachments: MAX_ATTACHMENTS_PER_PLAN,
    uploaded: queryFlag(args, "uploaded"),
    deleted: queryFlag(args, "deleted"),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "plans:write-own");
  const { request, context, params } = args;
  const planId = idParam({ params }, "planId");
  const type = request.headers.get("Content-Type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const upload = await readUpload(request, { field: "file", maxBytes: MAX_ATTACHMENT_BYTES });
    if (!upload.ok)
      return data(
        { error: "plans.errors.file.size" as MessageKey },
        { status: 400, headers: upload.closeConnection ? { Connection: "close" } : undefined },
      );
    const file = upload.file;
    if (!file || file.bytes.length === 0)
      return data({ error: "plans.errors.file.required" as MessageKey }, { status: 400 });
    const result = await addAttachment(
      context.db,
      user,
      { planId, filename: file.name, bytes: file.bytes },
      { ip: context.ip },
    );
    if (!result.ok) {
      if (result.status === 404) notFound();
      return data({ error: result.errors.file ?? ("errors.invalid" as MessageKey) }, { status: result.status });
    }
    return redirect(`/plans/${planId}?uploaded`);
  }
  const form = await request.formData();
  if (form.get("intent") === DELETE) {
    const found = await getReadablePlan(context.db, user, planId);
    if (!found || found.access !== "owner") notFound();
    const step = unlessConfirmed(request, form, DELETE, ["attachmentId"]);
    if (step) return step;
    const deleted = await deleteAttachment(
      context.db,
      user,
      { planId, attachmentId: String(form.get("attachmentId") ?? "") },
      { ip: context.ip },
    );
    if (!deleted.ok) notFound();
    return redirect(`/plans/${planId}?deleted`);
  }
  return data({ error: "errors.invalid" as MessageKey }, { status: 400 });
}

/** The plan's files: each opens, and its owner may delete it (from a confirmation step) or add one. */
function Attachments() {
  const { planId, readOnly, attachments, maxAttachments, uploaded, deleted } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatNumber } = useI18n();
  return (
    <>
      <h2>{t("plans.attachments.title")}</h2>
      <EarlierActNote when={uploaded}>
        <FormAlert tone="success" message="plans.attachments.uploaded" />
      </EarlierActNote>
      <EarlierActNote when={deleted}>
        <FormAlert tone="success" message="plans.attachments.deleted" />
      </EarlierActNote>
      {attachments.length === 0 ? <p>{t("plans.attachments.none")}</p> : null}
      <ul className="list">
        {attachments.map((a) => (
          <li key={a.id} className="list-item plan-attachment">
            <a href={`/plans/${planId}/attachments/${a.id}`} dir="ltr">
              {a.filename}
            </a>{" "}
            <span className="hint">{formatNumber(Math.ceil(a.byteSize / 1024))} KB</span>
            {!readOnly ? (
              <ConfirmLink path={`/plans/${planId}`} intent={DELETE} extra={{ attachmentId: a.id }}>
                {t("plans.attachments.delete")}
                <span className="visually-hidden"> {a.filename}</span>
              </ConfirmLink>
            ) : null}
          </li>
        ))}
      </ul>
      {!readOnly && attachments.length < maxAttachments ? (
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          <FormAlert message={actionData?.error} />
          <div className="field">
            <label htmlFor="f-file">{t("plans.attachments.file")}</label>
            <p className="hint" id="f-file-hint">
              {t("plans.attachments.hint")}
            </p>
            <input
              id="f-file"
              type="file"
              name="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-describedby="f-file-hint"
            />
          </div>
          <button type="submit" className="button button-secondary">
            {t("plans.attachments.upload")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export default function PlanOverview() {
  const { planId, name, ownerName, readOnly, complete, nextStep, steps, deleting } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  if (deleting)
    return (
      <ConfirmStep
        title="plans.attachments.confirmDelete.title"
        titleValues={{ file: deleting.filename }}
        intent={DELETE}
        hidden={{ attachmentId: deleting.id }}
        confirmLabel="plans.attachments.confirmDelete.button"
        cancelTo={`/plans/${planId}`}
      >
        <p>{t("plans.attachments.confirmDelete.effects")}</p>
      </ConfirmStep>
    );
  return (
    <div>
      <PageTitle>{name ?? t("plans.untitled")}</PageTitle>
      {readOnly ? (
        <p className="alert alert-success">
          {t("plans.readOnly")} {t("plans.owner", { name: ownerName })}
        </p>
      ) : null}
      {complete ? (
        <p className="alert alert-success" data-plan-complete>
          {t("plans.completeBanner")}
        </p>
      ) : nextStep && !readOnly ? (
        <p className="lead">
          <a href={`/plans/${planId}/${nextStep}`}>
            {t("plans.nextStep", { step: t(`plans.step.${nextStep}` as MessageKey) })}
          </a>
        </p>
      ) : null}
      <p>
        <a className="button button-secondary" href={`/plans/${planId}.pdf`} download>
          {t("plans.downloadPdf")}
        </a>
      </p>
      <h2>{t("plans.steps")}</h2>
      <StepList planId={planId} steps={steps} />

      <Attachments />
    </div>
  );
}
