import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { PageTitle } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { isUuid } from "~/lib/ids";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { parseQuery, query } from "~/lib/params.server";
import { listDeletionRequests } from "~/modules/profiles/queries.server";
import { markDeletionHandled } from "~/modules/profiles/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "deletion-requests:read");
  const rows = await listDeletionRequests(args.context.db);
  // marking a request done is confirmed on a step naming the person (a pending request)
  const { requestId } = parseQuery(args, { requestId: query.id() });
  const marking =
    confirmStep(args, ["done"]) === "done"
      ? (rows.find((r) => r.id === requestId && r.status === "pending") ?? null)
      : null;
  return {
    marking: marking
      ? { id: marking.id, displayName: marking.displayName, contact: marking.email ?? marking.phone ?? "" }
      : null,
    rows: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      handledAt: r.handledAt?.toISOString() ?? null,
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "deletion-requests:read");
  const form = await args.request.formData();
  const id = form.get("requestId");
  if (!isUuid(id)) notFound();
  const pending = (await listDeletionRequests(args.context.db)).some((r) => r.id === id && r.status === "pending");
  if (!pending) notFound();
  const step = unlessConfirmed(args.request, form, "done", ["requestId"]);
  if (step) return step;
  if (!(await markDeletionHandled(args.context.db, user, id, { ip: args.context.ip }))) notFound();
  return redirect("/admin/deletion-requests");
}

export default function DeletionRequests() {
  const { rows, marking } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  if (marking)
    return (
      <ConfirmStep
        title="profiles.admin.markDone.title"
        titleValues={{ name: marking.displayName }}
        intent="done"
        hidden={{ requestId: marking.id }}
        confirmLabel="profiles.admin.markDone"
        cancelTo="/admin/deletion-requests"
      >
        <p dir="ltr">{marking.contact}</p>
        <p>{t("profiles.admin.markDone.effects")}</p>
      </ConfirmStep>
    );
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
            <ConfirmLink path="/admin/deletion-requests" intent="done" extra={{ requestId: r.id }}>
              {t("profiles.admin.markDone")}
              <span className="visually-hidden"> · {r.displayName}</span>
            </ConfirmLink>
          ) : null,
        ]}
      />
    </div>
  );
}
