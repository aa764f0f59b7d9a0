import type { FormEcho } from "~/lib/forms";
import { DoneNote } from "~/components/done-note";
/**
 * The aid catalogue, corrected by the programme admin (issue 15): names in fr/ar/en at
 * any time, the unit (kind, a voucher's face value) until stock of the item has moved.
 * `?item=<id>` opens one item's form: a link, so it works without JavaScript.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { Field, FormAlert, PageTitle, SelectField } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm } from "~/lib/forms.server";
import { moneyInputValue } from "~/lib/money";
import { LocalizedText } from "~/components/localized-text";
import { serverT } from "~/i18n/dictionaries.server";
import { localizedLabel } from "~/lib/localized";
import { parseQuery, query } from "~/lib/params.server";
import { ITEM_KINDS } from "~/modules/aid/constants";
import { correctItem, listCatalogue } from "~/modules/aid/items.server";
import { CorrectItemSchema } from "~/modules/aid/schemas.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "aid:programme");
  const { item: asked } = parseQuery(args, { item: query.id() });
  const locale = args.context.locale;
  // the name as words (a link's label); the page shows it with <LocalizedText>
  const inFrench = serverT(locale)("content.inFrench");
  const items = (await listCatalogue(args.context.db)).map((i) => ({
    ...i,
    name: localizedLabel(i, "name", locale, inFrench),
  }));
  const editing = asked ? items.find((i) => i.id === asked) : undefined;
  if (asked && !editing) notFound();
  return { items, editing: editing ?? null };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "aid:programme");
  const form = await args.request.formData();
  // the item the refused form was about, so the page shows its form even when the address
  // does not name it (a form posted to /admin/aid-items without `?item=`)
  const itemId = String(form.get("itemId") ?? "");
  const parsed = parseForm(CorrectItemSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, itemId }, { status: 400 });
  const result = await correctItem(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) {
    if (result.status === 404) notFound();
    // changed meanwhile: the form shows the item as it is now, not what was typed over the old one
    const values = result.errors.form ? undefined : formValues(form);
    return data({ errors: result.errors, values, itemId }, { status: result.status });
  }
  return redirect(`/admin/aid-items?done=${result.fields.length ? "corrected" : "unchanged"}`);
}

const LABELS = {
  nameFr: "aid.items.nameFr",
  nameAr: "aid.items.nameAr",
  nameEn: "aid.items.nameEn",
  kind: "aid.items.kind",
  faceValue: "aid.items.faceValue",
} as const;

export default function AidItems() {
  const { items, editing: asked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // a refusal is shown on its item's form, whatever the address: without a form to show it
  // (no such item in the catalogue), in the summary under the title
  const editing = asked ?? items.find((i) => i.id === actionData?.itemId);
  const { t, formatMoney } = useI18n();
  return (
    <div>
      <PageTitle>{t("aid.items.title")}</PageTitle>
      <p>{t("aid.items.intro")}</p>
      <DoneNote notes={{ corrected: "aid.items.corrected", unchanged: "aid.items.unchanged" }} />
      {editing ? null : <ErrorSummary errors={actionData?.errors} />}
      {editing ? <CorrectItemForm item={editing} errors={actionData?.errors} values={actionData?.values} /> : null}
      <DataTable
        label={t("aid.items.title")}
        testId="aid-items"
        headers={[t("aid.items.name"), t("aid.items.kind"), t("aid.items.faceValue"), t("aid.items.correct")]}
        rows={items}
        rowKey={(i) => i.id}
        cells={(i) => [
          <LocalizedText key="name" row={i} field="name" />,
          t(`aid.kind.${i.kind}`),
          i.faceValueCentimes ? formatMoney(i.faceValueCentimes) : "—",
          <Link key="edit" to={`/admin/aid-items?item=${i.id}`} aria-label={`${t("aid.items.correct")} · ${i.name}`}>
            {t("aid.items.correct")}
          </Link>,
        ]}
      />
    </div>
  );
}

type Editing = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["editing"]>;

function CorrectItemForm({
  item,
  errors,
  values,
}: FormEcho & {
  item: Editing;
}) {
  const { t } = useI18n();
  const echo = { errors, values };
  const kind = values?.kind ?? item.kind;
  return (
    <section aria-labelledby="correct-item">
      <h2 id="correct-item">
        {t("aid.items.correctTitle")} ·{" "}
        <bdi>
          <LocalizedText row={item} field="name" />
        </bdi>
      </h2>
      <ErrorSummary errors={errors} labels={LABELS} order={Object.keys(LABELS)} />
      <Form method="post" action={`/admin/aid-items?item=${item.id}`} className="stack narrow" noValidate>
        <input type="hidden" name="itemId" value={item.id} />
        <input type="hidden" name="version" value={item.version} />
        <FormAlert message={errors?.form} />
        <Field name="nameFr" label="aid.items.nameFr" lang="fr" required defaultValue={item.nameFr} {...echo} />
        <Field name="nameAr" label="aid.items.nameAr" lang="ar" dir="rtl" defaultValue={item.nameAr} {...echo} />
        <Field name="nameEn" label="aid.items.nameEn" lang="en" defaultValue={item.nameEn} {...echo} />
        {item.moved ? (
          <>
            {/* the unit stays: posted as it is, the database refuses any other */}
            <input type="hidden" name="kind" value={item.kind} />
            {item.faceValueCentimes ? (
              <input type="hidden" name="faceValue" value={moneyInputValue(item.faceValueCentimes)} />
            ) : null}
            <p className="hint">{t("aid.items.unitFixed")}</p>
          </>
        ) : (
          <>
            <SelectField
              name="kind"
              label="aid.items.kind"
              defaultValue={kind}
              options={ITEM_KINDS.map((k) => ({ value: k, label: t(`aid.kind.${k}`) }))}
              {...echo}
            />
            <Field
              name="faceValue"
              label="aid.items.faceValue"
              hint="aid.items.faceValueHint"
              inputMode="decimal"
              defaultValue={moneyInputValue(item.faceValueCentimes)}
              {...echo}
            />
          </>
        )}
        <FormAlert message={errors?.kind && item.moved ? "aid.items.errors.unitFixed" : null} />
        <p className="actions">
          <button type="submit" className="button">
            {t("aid.items.save")}
          </button>
          <Link to="/admin/aid-items">{t("aid.items.cancel")}</Link>
        </p>
      </Form>
    </section>
  );
}
