import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
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
import { idParam, queryFlag } from "~/lib/params.server";
import { readUpload } from "~/lib/upload.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const found = await getReadablePlan(args.context.db, user, idParam(args, "planId"));
  if (!found) notFound();
  const { plan, access, ownerName } = found;
  const counts = await commentCounts(args.context.db, plan.id);
  const attachments = await listAttachments(args.context.db, plan.id);
  const missingSteps = incompleteSteps(plan);
  return {
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
  if (form.get("intent") === "delete-attachment") {
    const deleted = await deleteAttachment(
      context.db,
      user,
      { planId, attachmentId: String(form.get("attachmentId") ?? "") },
      { ip: context.ip },
    );
    if (!deleted.ok) notFound();
    return redirect(`/plans/${planId}`);
  }
  return data({ error: "errors.invalid" as MessageKey }, { status: 400 });
}

export default function PlanOverview() {
  const { planId, name, ownerName, readOnly, complete, nextStep, steps, attachments, maxAttachments, uploaded } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatNumber } = useI18n();
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

      <h2>{t("plans.attachments.title")}</h2>
      {uploaded ? <FormAlert tone="success" message="plans.attachments.uploaded" /> : null}
      {attachments.length === 0 ? <p>{t("plans.attachments.none")}</p> : null}
      <ul className="list">
        {attachments.map((a) => (
          <li key={a.id} className="list-item plan-attachment">
            <a href={`/plans/${planId}/attachments/${a.id}`} dir="ltr">
              {a.filename}
            </a>{" "}
            <span className="hint">{formatNumber(Math.ceil(a.byteSize / 1024))} KB</span>
            {!readOnly ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="delete-attachment" />
                <input type="hidden" name="attachmentId" value={a.id} />
                <button type="submit" className="link-button">
                  {t("plans.attachments.delete")}
                </button>
              </Form>
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
    </div>
  );
}
