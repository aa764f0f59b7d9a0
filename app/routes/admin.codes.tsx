import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CheckboxGroup, FormAlert, PageTitle, SelectField } from "~/components/form";
import { codeChoices, codeLabels } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm, tickedValues } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { FLAG_FIELDS, openCodeFlags, resolveCodeFlag, ResolveCodeFlagSchema } from "~/modules/codes/flags.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "code-flags:resolve");
  return { flags: await openCodeFlags(args.context.db) };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "code-flags:resolve");
  const form = await args.request.formData();
  const flagId = String(form.get("flagId") ?? "");
  const parsed = parseForm(ResolveCodeFlagSchema, form);
  if (!parsed.ok) return data({ flagId, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await resolveCodeFlag(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data({ flagId, errors: result.errors, values: null }, { status: result.status });
  return redirect("/admin/codes?saved=1");
}

export default function CodeFlags() {
  const { flags } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  return (
    <div>
      <PageTitle>{t("codes.flags.title")}</PageTitle>
      {params.get("saved") ? <FormAlert tone="success" message="codes.flags.saved" /> : null}
      <p>{t("codes.flags.intro")}</p>
      {flags.length === 0 ? <p>{t("codes.flags.none")}</p> : null}
      <ul className="list">
        {flags.map((f) => {
          const { kind, multiple } = FLAG_FIELDS[f.field];
          const mine = actionData?.flagId === f.id ? actionData : null;
          const errors = mine?.errors;
          const label =
            f.field === "delivery_languages" ? "codes.field.deliveryLanguages" : (`codes.field.${f.field}` as const);
          return (
            <li key={f.id} className="list-item stack" data-flag={f.id}>
              <p>
                {t(`codes.record.${f.record}`)} · <bdi>{f.name}</bdi>
              </p>
              <p>
                {t(label)} · {t("codes.flags.original")} : <bdi lang="fr">{f.original}</bdi> →{" "}
                {codeLabels(t, kind, f.current)}
              </p>
              <FormAlert message={errors?.form} />
              <Form method="post" className="stack narrow">
                <input type="hidden" name="flagId" value={f.id} />
                <input type="hidden" name="field" value={f.field} />
                {multiple ? (
                  <CheckboxGroup
                    name="languages"
                    legend="codes.flags.choose"
                    options={codeChoices(t, kind)}
                    checked={mine?.values ? tickedValues(mine.values, "languages") : f.current}
                    errors={errors}
                  />
                ) : (
                  <SelectField
                    id={`f-${f.id}`}
                    name={f.field}
                    label="codes.flags.choose"
                    defaultValue={f.current[0] ?? ""}
                    options={codeChoices(t, kind)}
                    errors={errors}
                  />
                )}
                <button type="submit" className="button">
                  {t("codes.flags.save")}
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
