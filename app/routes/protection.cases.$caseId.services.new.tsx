import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { moroccoToday } from "~/lib/morocco-time";
import { parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { ServiceSchema } from "~/modules/protection/schemas.server";
import { SERVICE_KINDS } from "~/modules/protection/constants";
import { addService, requireCase } from "~/modules/protection/service.server";
import { caseReach } from "~/modules/protection/reach.server";
import { idParam, parseQuery, query } from "~/lib/params.server";
import { ServiceForm, type Kind } from "~/modules/protection/case-file/service-form";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const c = await requireCase(args.context.db, actor, idParam(args, "caseId"));
  if (c.anonymisedAt) throw new Response("Not Found", { status: 404 });
  const kind: Kind = parseQuery(args, { kind: query.oneOf(SERVICE_KINDS) }).kind ?? "medical";
  // a receiving association names the case by its reference unless the identity is shared with it
  const reach = await caseReach(args.context.db, actor, c.id);
  return {
    caseId: c.id,
    reference: c.reference,
    name: reach?.sections.identity ? `${c.firstName} ${c.lastName}` : c.reference,
    kind,
    today: moroccoToday(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const c = await requireCase(args.context.db, actor, idParam(args, "caseId"));
  const form = await args.request.formData();
  const parsed = parseForm(ServiceSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  await addService(args.context.db, actor, c.id, parsed.data, { ip: args.context.ip });
  return redirect(`/protection/cases/${c.id}#services`);
}

export default function NewService() {
  const { caseId, reference, name, kind, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <div className="narrow">
      <PageTitle>{t(`protection.service.${kind}`)}</PageTitle>
      <p className="hint">
        <Link to={`/protection/cases/${caseId}`}>{name}</Link> · <span dir="ltr">{reference}</span>
      </p>
      <ServiceForm kind={kind} errors={errors} values={values} today={today} submit="protection.services.save" />
    </div>
  );
}
