import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { PageTitle } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm, recordValues } from "~/lib/forms.server";
import { moneyInputValue } from "~/lib/money";
import { idParam } from "~/lib/params.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { correctOffer } from "~/modules/internships/corrections.server";
import { AddOfferForm } from "~/modules/internships/host-sections";
import { getOffer } from "~/modules/internships/queries.server";
import { CorrectOfferSchema } from "~/modules/internships/schemas.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "internships:manage");
  const found = await getOffer(args.context.db, idParam(args, "offerId"));
  if (!found) notFound();
  const { offer } = found;
  return {
    offer: { id: offer.id, titleFr: offer.titleFr, titleAr: offer.titleAr, titleEn: offer.titleEn },
    hostName: found.hostName,
    accepted: offer.acceptedCount,
    // the form starts from the offer as it stands
    current: recordValues({
      titleFr: offer.titleFr,
      titleAr: offer.titleAr,
      titleEn: offer.titleEn,
      sector: offer.sector,
      city: offer.city,
      startsOn: offer.startsOn,
      durationWeeks: offer.durationWeeks,
      stipend: moneyInputValue(offer.stipendCentimes),
      seats: offer.seats,
      languages: offer.languages,
      requirementsFr: offer.requirementsFr,
      requirementsAr: offer.requirementsAr,
      requirementsEn: offer.requirementsEn,
    }),
  };
}

/** The correction; seats below the acceptances given (even one given meanwhile) answer 409, nothing changed. */
export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "internships:manage");
  const offerId = idParam(args, "offerId");
  const form = await args.request.formData();
  const parsed = parseForm(CorrectOfferSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await correctOffer(args.context.db, actor, offerId, parsed.data, { ip: args.context.ip });
  if (!result.ok) {
    if (result.status === 404) notFound();
    return data({ ok: false as const, errors: result.errors, values: formValues(form) }, { status: result.status });
  }
  return redirect(`/internships/offers/${offerId}?done=${result.fields.length ? "corrected" : "unchanged"}`);
}

const LABELS = {
  titleFr: "internships.field.title",
  titleAr: "internships.field.title",
  titleEn: "internships.field.title",
  sector: "internships.field.sector",
  city: "internships.field.city",
  startsOn: "internships.field.startsOn",
  durationWeeks: "internships.field.durationWeeks",
  stipend: "internships.field.stipend",
  seats: "internships.field.seats",
  languages: "internships.field.languages",
  requirementsFr: "internships.field.requirements",
  requirementsAr: "internships.field.requirements",
  requirementsEn: "internships.field.requirements",
} as const;

export default function CorrectOfferPage() {
  const { offer, hostName, accepted, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div>
      <PageTitle>{t("internships.correctOffer")}</PageTitle>
      <p>
        <LocalizedText row={offer} field="title" /> · <bdi>{hostName}</bdi> ·{" "}
        <Link to={`/internships/offers/${offer.id}`}>{t("internships.backToOffer")}</Link>
      </p>
      <p className="hint">{t("internships.correctOffer.hint", { accepted })}</p>
      <ErrorSummary errors={actionData?.errors} labels={LABELS} order={Object.keys(LABELS)} />
      <AddOfferForm errors={actionData?.errors} values={actionData?.values ?? current} />
    </div>
  );
}
