import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, PageTitle, SelectField } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { codeChoices, codeLabel } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm } from "~/lib/forms.server";
import { runIntent } from "~/lib/intents.server";
import { CreateShopSchema, ShopActiveSchema } from "~/modules/aid/schemas.server";
import { createShop, listShops, setShopActive, voucherSchemes } from "~/modules/aid/shops.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "shops:manage");
  const [shops, associations] = await Promise.all([listShops(args.context.db), voucherSchemes(args.context.db)]);
  return { shops, associations };
}

async function toggle(args: ActionFunctionArgs, form: FormData, active: boolean) {
  const actor = requirePermission(args, "shops:manage");
  const parsed = parseForm(ShopActiveSchema, form);
  if (!parsed.ok) notFound();
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
  );
}

export default function AdminShops() {
  const { shops, associations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <div>
      <PageTitle>{t("aid.shops.title")}</PageTitle>
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
          <Form key="state" method="post" className="inline-form">
            <input type="hidden" name="shopId" value={s.id} />
            {s.isActive ? t("aid.shops.active") : t("aid.shops.inactive")}{" "}
            <button
              type="submit"
              name="intent"
              value={s.isActive ? "deactivate" : "reactivate"}
              className="button button-secondary"
              aria-label={`${s.isActive ? t("aid.shops.deactivate") : t("aid.shops.reactivate")} · ${s.name}`}
            >
              {s.isActive ? t("aid.shops.deactivate") : t("aid.shops.reactivate")}
            </button>
          </Form>,
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
