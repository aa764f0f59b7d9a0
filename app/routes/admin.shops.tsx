import { PlacelessRefusal } from "~/components/done-note";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { Field, PageTitle, SelectField } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { codeChoices, codeLabel } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm } from "~/lib/forms.server";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { runIntent } from "~/lib/intents.server";
import { parseQuery, query } from "~/lib/params.server";
import { CreateShopSchema, ShopActiveSchema } from "~/modules/aid/schemas.server";
import { createShop, listShops, setShopActive, voucherSchemes } from "~/modules/aid/shops.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "shops:manage");
  const [shops, associations] = await Promise.all([listShops(args.context.db), voucherSchemes(args.context.db)]);
  // deactivating a shop is confirmed on a step naming it (an active one)
  const { shopId } = parseQuery(args, { shopId: query.id() });
  const deactivating =
    confirmStep(args, ["deactivate"]) === "deactivate"
      ? (shops.find((s) => s.id === shopId && s.isActive) ?? null)
      : null;
  return { shops, associations, deactivating };
}

async function toggle(args: ActionFunctionArgs, form: FormData, active: boolean) {
  const actor = requirePermission(args, "shops:manage");
  const parsed = parseForm(ShopActiveSchema, form);
  if (!parsed.ok) notFound();
  if (!active) {
    if (!(await listShops(args.context.db)).some((s) => s.id === parsed.data.shopId)) notFound();
    const step = unlessConfirmed(args.request, form, "deactivate", ["shopId"]);
    if (step) return step;
  }
  if (!(await setShopActive(args.context.db, actor, parsed.data.shopId, active, { ip: args.context.ip }))) notFound();
  return redirect("/admin/shops");
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(
    args,
    {
      deactivate: (a, form) => toggle(a, form, false),
      reactivate: (a, form) => toggle(a, form, true),
    },
    async (a, form) => {
      const actor = requirePermission(a, "shops:manage");
      const parsed = parseForm(CreateShopSchema, form);
      if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
      const result = await createShop(a.context.db, actor, parsed.data, { ip: a.context.ip });
      if (!result.ok) return data({ errors: result.errors, values: formValues(form) }, { status: result.status });
      return redirect("/admin/shops");
    },
    (a) => requirePermission(a, "shops:manage"),
  );
}

/** The step before a shop stops redeeming: which shop, of which association, and what its accounts lose. */
function DeactivateStep({
  shop,
}: {
  shop: { id: string; name: string; association: string; city: string | null; accounts: number };
}) {
  const { t } = useI18n();
  const deactivating = shop;
  return (
    <ConfirmStep
      title="aid.shops.confirmDeactivate.title"
      titleValues={{ name: deactivating.name }}
      intent="deactivate"
      hidden={{ shopId: deactivating.id }}
      confirmLabel="aid.shops.deactivate"
      cancelTo="/admin/shops"
      irreversible={false}
    >
      <p>
        <bdi>{deactivating.association}</bdi>
        {deactivating.city ? (
          <>
            {" · "}
            <bdi>{deactivating.city}</bdi>
          </>
        ) : null}
      </p>
      <p>{t("aid.shops.confirmDeactivate.effects", { count: deactivating.accounts })}</p>
    </ConfirmStep>
  );
}

export default function AdminShops() {
  const { shops, associations, deactivating } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  if (deactivating) return <DeactivateStep shop={deactivating} />;
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <div>
      <PageTitle>{t("aid.shops.title")}</PageTitle>
      <PlacelessRefusal />
      <p>
        {t("aid.shops.intro")} <Link to="/admin/users?role=vendor">{t("nav.users")}</Link>
      </p>
      <DataTable
        label={t("aid.shops.title")}
        testId="shops"
        headers={[
          t("aid.shops.name"),
          t("aid.shops.association"),
          t("aid.shops.city"),
          t("aid.shops.accounts"),
          t("aid.shops.status"),
        ]}
        rows={shops}
        rowKey={(s) => s.id}
        cells={(s) => [
          s.name,
          s.association,
          s.city ? codeLabel(t, "city", s.city) : "—",
          s.accounts,
          s.isActive ? (
            <span key="state">
              {t("aid.shops.active")}{" "}
              <ConfirmLink path="/admin/shops" intent="deactivate" extra={{ shopId: s.id }}>
                {t("aid.shops.deactivate")}
                <span className="visually-hidden"> · {s.name}</span>
              </ConfirmLink>
            </span>
          ) : (
            <Form key="state" method="post" className="inline-form">
              <input type="hidden" name="shopId" value={s.id} />
              {t("aid.shops.inactive")}{" "}
              <button
                type="submit"
                name="intent"
                value="reactivate"
                className="button button-secondary"
                aria-label={`${t("aid.shops.reactivate")} · ${s.name}`}
              >
                {t("aid.shops.reactivate")}
              </button>
            </Form>
          ),
        ]}
      />
      <h2>{t("aid.shops.create")}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <Field name="name" label="aid.shops.name" required errors={errors} values={values} />
        <SelectField
          name="organisationId"
          label="aid.shops.association"
          options={associations.map((a) => ({ value: a.id, label: a.name }))}
          errors={errors}
          values={values}
        />
        <SelectField
          name="city"
          label="aid.shops.city"
          options={[{ value: "", label: "—" }, ...codeChoices(t, "city")]}
          errors={errors}
          values={values}
        />
        <button type="submit" className="button">
          {t("aid.shops.create")}
        </button>
      </Form>
    </div>
  );
}
