import { PlacelessRefusal } from "~/components/done-note";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ErrorSummary } from "~/components/error-summary";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm, type FieldErrors } from "~/lib/forms.server";
import { runIntent } from "~/lib/intents.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { listHosts } from "~/modules/internships/queries.server";
import { CreateHostSchema, CreateOfferSchema } from "~/modules/internships/schemas.server";
import { AddHostForm, AddOfferForm, HostsTable } from "~/modules/internships/host-sections";
import { createHost, createOffer } from "~/modules/internships/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "internships:manage");
  return { hosts: await listHosts(args.context.db) };
}

function refused<I extends "host" | "offer">(intent: I, errors: FieldErrors, form: FormData) {
  return data({ ok: false as const, errors, values: formValues(form), intent }, { status: 400 });
}

async function handleHost(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "internships:manage");
  const parsed = parseForm(CreateHostSchema, form);
  if (!parsed.ok) return refused("host", parsed.errors, form);
  const result = await createHost(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) return refused("host", result.errors, form);
  return redirect("/internships/hosts");
}

async function handleOffer(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "internships:manage");
  const parsed = parseForm(CreateOfferSchema, form);
  if (!parsed.ok) return refused("offer", parsed.errors, form);
  const result = await createOffer(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) return refused("offer", result.errors, form);
  return redirect(`/internships/offers/${result.id}`);
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(args, { host: handleHost, offer: handleOffer }, handleHost, (a) =>
    requirePermission(a, "internships:manage"),
  );
}

/** The fields of the host and offer forms, with their labels, for the error summary. */
const HOST_LABELS = {
  name: "internships.field.name",
  city: "internships.field.city",
  sector: "internships.field.sector",
  contactName: "internships.field.contactName",
  contactPhone: "internships.field.contactPhone",
  contactEmail: "internships.field.contactEmail",
  agreementStatus: "internships.field.agreementStatus",
  hostId: "internships.field.host",
  titleFr: "internships.field.title",
  titleAr: "internships.field.title",
  titleEn: "internships.field.title",
  startsOn: "internships.field.startsOn",
  durationWeeks: "internships.field.durationWeeks",
  stipend: "internships.field.stipend",
  seats: "internships.field.seats",
  languages: "internships.field.languages",
  requirementsFr: "internships.field.requirements",
} as const;

export default function Hosts() {
  const { hosts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const echoOf = (intent: "host" | "offer") =>
    actionData && "intent" in actionData && actionData.intent === intent
      ? { errors: actionData.errors, values: actionData.values }
      : {};
  return (
    <div>
      <PageTitle>{t("internships.hosts")}</PageTitle>
      <PlacelessRefusal />
      <ErrorSummary errors={actionData?.errors} labels={HOST_LABELS} />
      <HostsTable hosts={hosts} />
      <AddHostForm {...echoOf("host")} />
      <AddOfferForm hosts={hosts} {...echoOf("offer")} />
    </div>
  );
}
