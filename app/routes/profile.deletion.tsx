import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FormAlert, PageTitle, TextareaField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { getPendingDeletionRequest } from "~/modules/profiles/queries.server";
import { DeletionRequestSchema } from "~/modules/profiles/schemas.server";
import { requestDeletion } from "~/modules/profiles/service.server";
import { queryFlag } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "profile:manage-own");
  const pending = await getPendingDeletionRequest(args.context.db, user.id);
  return {
    pendingSince: pending?.createdAt.toISOString() ?? null,
    sent: queryFlag(args, "sent"),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "profile:manage-own");
  const parsed = parseForm(DeletionRequestSchema, await args.request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  await requestDeletion(args.context.db, user, parsed.data, { ip: args.context.ip });
  return redirect("/profile/deletion?sent");
}

export default function DeletionRequestPage() {
  const { pendingSince, sent } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <div className="narrow">
      <PageTitle>{t("profiles.deletion.title")}</PageTitle>
      <p>{t("profiles.deletion.body")}</p>
      {sent ? <FormAlert tone="success" message="profiles.deletion.sent" /> : null}
      {pendingSince ? (
        <p className="alert alert-success" data-pending>
          {t("profiles.deletion.pending", { date: formatDate(pendingSince) })}
        </p>
      ) : (
        <Form method="post" className="stack">
          <TextareaField name="reason" label="profiles.deletion.reason" rows={3} />
          <button type="submit" className="button button-danger">
            {t("profiles.deletion.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}
