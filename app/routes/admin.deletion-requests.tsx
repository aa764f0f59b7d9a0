import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { isUuid } from "~/lib/ids";
import { listDeletionRequests } from "~/modules/profiles/queries.server";
import { markDeletionHandled } from "~/modules/profiles/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "deletion-requests:read");
  const rows = await listDeletionRequests(args.context.db);
  return {
    rows: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      handledAt: r.handledAt?.toISOString() ?? null,
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "deletion-requests:read");
  const id = (await args.request.formData()).get("requestId");
  if (!isUuid(id) || !(await markDeletionHandled(args.context.db, user, id, { ip: args.context.ip }))) notFound();
  return redirect("/admin/deletion-requests");
}

export default function DeletionRequests() {
  const { rows } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <div>
      <PageTitle>{t("profiles.admin.title")}</PageTitle>
      {rows.length === 0 ? <p>{t("profiles.admin.none")}</p> : null}
      <DataTable
        label={t("profiles.admin.title")}
        headers={[
          t("profiles.admin.user"),
          t("profiles.admin.date"),
          t("profiles.admin.reason"),
          t("profiles.admin.status"),
          null,
        ]}
        rows={rows}
        rowKey={(r) => r.id}
        cells={(r) => [
          <>
            <a href={`/admin/users/${r.userId}`}>{r.displayName}</a> <span dir="ltr">{r.email ?? r.phone}</span>
          </>,
          formatDate(r.createdAt),
          r.reason ?? "—",
          t(`profiles.status.${r.status}` as MessageKey),
          r.status === "pending" ? (
            <Form method="post">
              <input type="hidden" name="requestId" value={r.id} />
              <button type="submit" className="link-button">
                {t("profiles.admin.markDone")}
              </button>
            </Form>
          ) : null,
        ]}
      />
    </div>
  );
}
