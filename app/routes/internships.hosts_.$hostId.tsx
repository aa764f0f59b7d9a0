import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNote } from "~/components/done-note";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm, recordValues } from "~/lib/forms.server";
import { idParam } from "~/lib/params.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { correctHost } from "~/modules/internships/corrections.server";
import { AddHostForm } from "~/modules/internships/host-sections";
import { getHost } from "~/modules/internships/queries.server";
import { CreateHostSchema } from "~/modules/internships/schemas.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "internships:manage");
  const host = await getHost(args.context.db, idParam(args, "hostId"));
  if (!host) notFound();
  return {
    host: { id: host.id, name: host.name },
    // the form starts from the host as it stands
    current: recordValues({
      name: host.name,
      city: host.city,
      sector: host.sector,
      contactName: host.contactName,
      contactPhone: host.contactPhone,
      contactEmail: host.contactEmail,
      agreementStatus: host.agreementStatus ?? "none",
    }),
  };
}

/** The correction; bad input or a name another organisation has answers with the form as typed. */
export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "internships:manage");
  const hostId = idParam(args, "hostId");
  const form = await args.request.formData();
  const parsed = parseForm(CreateHostSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await correctHost(args.context.db, actor, hostId, parsed.data, { ip: args.context.ip });
  if (!result.ok) {
    if (result.status === 404) notFound();
    return data({ ok: false as const, errors: result.errors, values: formValues(form) }, { status: result.status });
  }
  return redirect(`/internships/hosts/${hostId}?done=${result.fields.length ? "corrected" : "unchanged"}`);
}

const LABELS = {
  name: "internships.field.name",
  city: "internships.field.city",
  sector: "internships.field.sector",
  contactName: "internships.field.contactName",
  contactPhone: "internships.field.contactPhone",
  contactEmail: "internships.field.contactEmail",
  agreementStatus: "internships.field.agreementStatus",
} as const;

export default function CorrectHostPage() {
  const { host, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div>
      <PageTitle>{t("internships.correctHost")}</PageTitle>
      <p>
        <bdi>{host.name}</bdi> · <Link to="/internships/hosts">{t("internships.hosts")}</Link>
      </p>
      <DoneNote notes={{ corrected: "internships.correct.corrected", unchanged: "internships.correct.unchanged" }} />
      <ErrorSummary errors={actionData?.errors} labels={LABELS} order={Object.keys(LABELS)} />
      <AddHostForm errors={actionData?.errors} values={actionData?.values ?? current} correcting />
    </div>
  );
}
