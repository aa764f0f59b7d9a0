import { labelled } from "~/i18n/translate";
import { DoneNote } from "~/components/done-note";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxGroup, FormAlert, PageTitle, SelectField } from "~/components/form";
import { codeChoices, codeLabels, countryName } from "~/i18n/codes";
import { countryOptions } from "~/modules/profiles/countries.server";
import { CountrySelect } from "~/modules/profiles/profile-form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm, tickedValues } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import {
  callsWithTypedRegions,
  FLAG_FIELDS,
  openCodeFlags,
  resolveCallRegions,
  ResolveCallRegionsSchema,
  resolveCodeFlag,
  ResolveCodeFlagSchema,
} from "~/modules/codes/flags.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "code-flags:resolve");
  const flags = await openCodeFlags(args.context.db);
  const locale = args.context.locale;
  return {
    // a nationality's country named on the server, with its ICU data
    flags: flags.map((f) => ({
      ...f,
      countries: f.field === "nationality" ? f.current.map((c) => countryName(locale, c)) : null,
    })),
    calls: await callsWithTypedRegions(args.context.db),
    countries: flags.some((f) => f.field === "nationality") ? countryOptions(locale) : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "code-flags:resolve");
  const form = await args.request.formData();
  if (form.has("callId")) return callRegions(args, form);
  const flagId = String(form.get("flagId") ?? "");
  const parsed = parseForm(ResolveCodeFlagSchema, form);
  if (!parsed.ok) return data({ flagId, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await resolveCodeFlag(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data({ flagId, errors: result.errors, values: null }, { status: result.status });
  return redirect("/admin/codes?saved=1");
}

/** A call's typed regions replaced by regions of the list. */
async function callRegions(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "code-flags:resolve");
  const flagId = String(form.get("callId") ?? "");
  const parsed = parseForm(ResolveCallRegionsSchema, form);
  if (!parsed.ok) return data({ flagId, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await resolveCallRegions(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data({ flagId, errors: result.errors, values: null }, { status: result.status });
  return redirect("/admin/codes?saved=1");
}

export default function CodeFlags() {
  const { flags, calls, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div>
      <PageTitle>{t("codes.flags.title")}</PageTitle>
      <DoneNote notes={{ "1": "codes.flags.saved" }} param="saved" />
      <p>{t("codes.flags.intro")}</p>
      {flags.length === 0 && calls.length === 0 ? <p>{t("codes.flags.none")}</p> : null}
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
                {t(label)} · {labelled(t, "codes.flags.original")} <bdi lang="fr">{f.original}</bdi> →{" "}
                {kind ? codeLabels(t, kind, f.current) : (f.countries?.join(t("codes.separator")) ?? "")}
              </p>
              <FormAlert message={errors?.form} />
              <Form method="post" className="stack narrow">
                <input type="hidden" name="flagId" value={f.id} />
                <input type="hidden" name="field" value={f.field} />
                {kind === null ? (
                  <CountrySelect
                    id={`f-${f.id}`}
                    name="nationality"
                    label="codes.flags.choose"
                    value={mine?.values?.nationality ?? f.current[0] ?? ""}
                    countries={countries ?? { first: [], rest: [] }}
                    errors={errors}
                  />
                ) : multiple ? (
                  <CheckboxGroup
                    id={`f-${f.id}`}
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
        {calls.map((c) => (
          <CallRegionsItem key={c.id} call={c} mine={actionData?.flagId === c.id ? actionData : null} />
        ))}
      </ul>
    </div>
  );
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type Answer = ReturnType<typeof useActionData<typeof action>>;

/** A call whose regions were typed before the list, with the boxes to choose them. */
function CallRegionsItem({ call: c, mine }: { call: Loaded["calls"][number]; mine: Answer | null }) {
  const { t } = useI18n();
  return (
    <li className="list-item stack" data-call-regions={c.id}>
      <p>
        {t("codes.record.call")} · <bdi>{c.titleFr}</bdi>
      </p>
      <p>
        {t("codes.field.regions")} · {labelled(t, "codes.flags.original")} <bdi lang="fr">{c.typed.join(", ")}</bdi>
      </p>
      <FormAlert message={mine?.errors?.form} />
      <Form method="post" className="stack narrow">
        <input type="hidden" name="callId" value={c.id} />
        <CheckboxGroup
          id={`f-call-${c.id}`}
          name="regions"
          legend="codes.flags.choose"
          options={codeChoices(t, "region")}
          checked={mine?.values ? tickedValues(mine.values, "regions") : c.current}
          errors={mine?.errors}
        />
        <button type="submit" className="button">
          {t("codes.flags.save")}
        </button>
      </Form>
    </li>
  );
}
