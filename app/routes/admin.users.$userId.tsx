import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { FormAlert, PageTitle } from "~/components/form";
import { OrganisationSelect, RoleSelect, ShopSelect } from "~/components/staff-fields";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import type { Failure } from "~/lib/result";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { getUserForAdmin, listOrganisations } from "~/modules/auth/queries.server";
import { listShops } from "~/modules/aid/shops.server";
import { ROLES } from "~/modules/auth/roles";
import { UpdateUserSchema } from "~/modules/auth/schemas.server";
import { reissuePasswordSetup, setUserActive, updateUserRole } from "~/modules/auth/users.server";
import { idParam } from "~/lib/params.server";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { messagesSentBy } from "~/modules/notifications/queries.server";
import { SentMessages } from "~/modules/notifications/ui";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "users:manage");
  const userId = idParam(args, "userId");
  const user = await getUserForAdmin(args.context.db, userId);
  if (!user) notFound();
  const [organisations, shops] = await Promise.all([listOrganisations(args.context.db), listShops(args.context.db)]);
  // the set-up codes this admin sent, and whether a gateway took them
  const sent = await messagesSentBy(args.context.db, actor.id, { userId, limit: 10 });
  // the step is offered for an active account that is not the admin's own
  const deactivating = confirmStep(args, ["deactivate"]) === "deactivate" && user.isActive && user.id !== actor.id;
  return {
    deactivating,
    sent: sent.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    user: {
      ...user,
      createdAt: user.createdAt.toISOString(),
      caseAccessConfirmedAt: user.caseAccessConfirmedAt?.toISOString() ?? null,
    },
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    shops: shops.map((s) => ({ id: s.id, name: s.name, association: s.association })),
  };
}

/** A change the service refused: an unknown account is the 404 page, the rest a message on this one. */
function refused(failure: Failure) {
  if (failure.status === 404) notFound();
  return data({ errors: failure.errors, message: null, code: null }, { status: failure.status });
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "users:manage");
  const { request, context, params } = args;
  const userId = idParam({ params }, "userId");
  const form = await request.formData();
  const intent = form.get("intent");
  const meta = { ip: context.ip, baseUrl: new URL(request.url).origin };
  if (intent === "role") {
    const parsed = parseForm(UpdateUserSchema, form);
    if (!parsed.ok) return data({ errors: parsed.errors, message: null, code: null }, { status: 400 });
    const outcome = await updateUserRole(context.db, actor, userId, parsed.data, meta);
    return outcome.ok ? redirect(`/admin/users/${userId}`) : refused(outcome);
  }
  if (intent === "deactivate" || intent === "reactivate") {
    if (intent === "deactivate") {
      // an unknown account is not found, one's own is refused, before the step
      if (!(await getUserForAdmin(context.db, userId))) notFound();
      if (userId === actor.id)
        return data({ errors: { form: "errors.admin.self" as const }, message: null, code: null }, { status: 400 });
      const step = unlessConfirmed(request, form, "deactivate");
      if (step) return step;
    }
    const outcome = await setUserActive(context.db, actor, userId, intent === "reactivate", meta);
    return outcome.ok ? redirect(`/admin/users/${userId}`) : refused(outcome);
  }
  if (intent === "setup-code") {
    const issued = await reissuePasswordSetup(context.db, actor, userId, meta);
    if (!issued.ok) return refused(issued);
    return { errors: undefined, message: "admin.users.codeIntro" as const, code: issued.code };
  }
  return data({ errors: { form: "errors.unknownForm" as const }, message: null, code: null }, { status: 400 });
}

/** Whether the association's supervisor confirmed the account: an admin sees it, and cannot change it. */
function CaseAccess({ user }: { user: ReturnType<typeof useLoaderData<typeof loader>>["user"] }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <dt>{t("admin.users.caseAccess")}</dt>
      <dd data-testid="case-access">
        {user.caseAccessPending
          ? t("admin.users.caseAccessPending", {
              reason: t(`protection.staff.reason.${user.caseAccessPendingReason ?? "new_account"}`),
            })
          : user.caseAccessConfirmedAt
            ? t("admin.users.caseAccessConfirmed", { date: formatDate(user.caseAccessConfirmedAt) })
            : "—"}
      </dd>
    </>
  );
}

function DeactivateStep({
  user,
}: {
  user: { id: string; displayName: string; email: string | null; phone: string | null };
}) {
  const { t } = useI18n();
  return (
    <ConfirmStep
      title="admin.users.confirmDeactivate.title"
      titleValues={{ name: user.displayName }}
      intent="deactivate"
      confirmLabel="admin.users.deactivate"
      cancelTo={`/admin/users/${user.id}`}
      irreversible={false}
    >
      <p dir="ltr">{[user.email, user.phone].filter(Boolean).join(" · ")}</p>
      <p>{t("admin.users.confirmDeactivate.effects")}</p>
    </ConfirmStep>
  );
}

export default function AdminUser() {
  const { user, organisations, shops, sent, deactivating } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  if (deactivating) return <DeactivateStep user={user} />;
  return (
    <div className="narrow">
      <PageTitle>{user.displayName}</PageTitle>
      <FormAlert message={actionData?.errors?.form} />
      <dl className="facts">
        <dt>{t("admin.users.contact")}</dt>
        <dd dir="ltr">{[user.email, user.phone].filter(Boolean).join(" · ")}</dd>
        <dt>{t("admin.users.status")}</dt>
        <dd>{user.isActive ? t("admin.users.active") : t("admin.users.inactive")}</dd>
        <dt>{t("admin.users.since")}</dt>
        <dd>{formatDate(user.createdAt)}</dd>
        <dt>{t("admin.users.password")}</dt>
        <dd>{user.hasPassword ? t("admin.users.passwordSet") : t("admin.users.passwordNotSet")}</dd>
        {user.role === "case_worker" ? <CaseAccess user={user} /> : null}
      </dl>

      <h2>{t("admin.users.changeRole")}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="role" />
        <RoleSelect roles={ROLES} defaultValue={user.role} errors={actionData?.errors} />
        <OrganisationSelect
          organisations={organisations}
          defaultValue={user.organisationId}
          errors={actionData?.errors}
        />
        <ShopSelect shops={shops} defaultValue={user.shopId} errors={actionData?.errors} />
        <button type="submit" className="button">
          {t("admin.users.save")}
        </button>
      </Form>

      <h2>{t("admin.users.access")}</h2>
      {user.isActive ? null : (
        <Form method="post">
          <input type="hidden" name="intent" value="reactivate" />
          <button type="submit" className="button">
            {t("admin.users.reactivate")}
          </button>
        </Form>
      )}
      <Form method="post">
        <input type="hidden" name="intent" value="setup-code" />
        <button type="submit" className="button button-secondary">
          {t("admin.users.newCode")}
        </button>
      </Form>
      {actionData?.code ? (
        <>
          <p>{t("admin.users.codeIntro")}</p>
          <p className="code" dir="ltr" data-testid="setup-code">
            {actionData.code}
          </p>
        </>
      ) : null}
      <SentMessages messages={sent} />
      {user.isActive ? (
        <p className="danger-zone">
          <ConfirmLink path={`/admin/users/${user.id}`} intent="deactivate">
            {t("admin.users.deactivate")}
          </ConfirmLink>
        </p>
      ) : null}
    </div>
  );
}
