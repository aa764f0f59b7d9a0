import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EarlierActNote } from "~/components/done-note";
import { FormAlert, PageTitle, TextareaField } from "~/components/form";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { useI18n } from "~/i18n/i18n-context";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { getPendingDeletionRequest } from "~/modules/profiles/queries.server";
import { DeletionRequestSchema } from "~/modules/profiles/schemas.server";
import { requestDeletion, withdrawDeletionRequest } from "~/modules/profiles/service.server";
import { queryFlag } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "profile:manage-own");
  const pending = await getPendingDeletionRequest(args.context.db, user.id);
  const asked = confirmStep(args, ["delete", "withdraw"]);
  return {
    pendingSince: pending?.createdAt.toISOString() ?? null,
    sent: queryFlag(args, "sent"),
    withdrawn: queryFlag(args, "withdrawn"),
    // asking is offered without a pending request, withdrawing with one
    confirm: asked === "delete" && !pending ? asked : asked === "withdraw" && pending ? asked : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "profile:manage-own");
  const form = await args.request.formData();
  if (form.get("intent") === "withdraw") {
    if (!(await getPendingDeletionRequest(args.context.db, user.id))) return redirect("/profile/deletion");
    const step = unlessConfirmed(args.request, form, "withdraw");
    if (step) return step;
    await withdrawDeletionRequest(args.context.db, user, { ip: args.context.ip });
    return redirect("/profile/deletion?withdrawn");
  }
  const step = unlessConfirmed(args.request, form, "delete");
  if (step) return step;
  const parsed = parseForm(DeletionRequestSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  await requestDeletion(args.context.db, user, parsed.data, { ip: args.context.ip });
  return redirect("/profile/deletion?sent");
}

export default function DeletionRequestPage() {
  const { pendingSince, sent, withdrawn, confirm } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  if (confirm === "withdraw")
    return (
      <ConfirmStep
        title="profiles.deletion.withdraw.title"
        intent="withdraw"
        confirmLabel="profiles.deletion.withdraw.button"
        cancelTo="/profile/deletion"
        irreversible={false}
      >
        {pendingSince ? <p>{t("profiles.deletion.pending", { date: formatDate(pendingSince) })}</p> : null}
        <p>{t("profiles.deletion.withdraw.effects")}</p>
      </ConfirmStep>
    );
  if (confirm || actionData) {
    return (
      <ConfirmStep
        title="profiles.deletion.confirm.title"
        intent="delete"
        confirmLabel="profiles.deletion.submit"
        cancelTo="/profile/deletion"
        irreversible={false}
        fields={
          <TextareaField
            name="reason"
            label="profiles.deletion.reason"
            rows={3}
            errors={actionData?.errors}
            values={actionData?.values}
          />
        }
      >
        <p>{t("profiles.deletion.confirm.effects")}</p>
        <p>{t("profiles.deletion.confirm.when")}</p>
      </ConfirmStep>
    );
  }
  return (
    <div className="narrow">
      <PageTitle>{t("profiles.deletion.title")}</PageTitle>
      <p>{t("profiles.deletion.body")}</p>
      <EarlierActNote when={sent}>
        <FormAlert tone="success" message="profiles.deletion.sent" />
      </EarlierActNote>
      <EarlierActNote when={withdrawn}>
        <FormAlert tone="success" message="profiles.deletion.withdrawn" />
      </EarlierActNote>
      {pendingSince ? (
        <>
          <p className="alert alert-success" data-pending>
            {t("profiles.deletion.pending", { date: formatDate(pendingSince) })}
          </p>
          <p>
            <ConfirmLink path="/profile/deletion" intent="withdraw">
              {t("profiles.deletion.withdraw")}
            </ConfirmLink>
          </p>
        </>
      ) : (
        <p className="danger-zone">
          <ConfirmLink path="/profile/deletion" intent="delete">
            {t("profiles.data.deletion")}
          </ConfirmLink>
        </p>
      )}
    </div>
  );
}
