import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, PageTitle } from "~/components/form";
import { parseForm } from "~/lib/forms.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { beneficiariesOf } from "~/modules/coaching/queries.server";
import { applicationsFor, getOffer, myApplication } from "~/modules/internships/queries.server";
import { ApplySchema, ProposeSchema } from "~/modules/internships/schemas.server";
import { applyToOffer } from "~/modules/internships/service.server";
import { ApplyForm, OfferApplications, OfferFacts, ProposeForm } from "~/modules/internships/offer-sections";
import { idParam } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "internships:browse");
  const { db } = args.context;
  const found = await getOffer(db, idParam(args, "offerId"));
  if (!found) notFound();
  const staff = user.role !== "applicant";
  return {
    ...found,
    role: user.role,
    mine: user.role === "applicant" ? await myApplication(db, found.offer.id, user.id) : null,
    applications: staff ? await applicationsFor(db, found.offer.id, user.role === "coach" ? user.id : null) : [],
    caseload: user.role === "coach" ? await beneficiariesOf(db, user.id) : [],
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "internships:browse");
  const { db, ip } = args.context;
  const offerId = idParam(args, "offerId");
  if (!(await getOffer(db, offerId))) notFound();
  const form = await args.request.formData();
  let beneficiaryId: string;
  let motivation: string | undefined;
  if (user.role === "applicant") {
    requirePermission(args, "internships:apply");
    const parsed = parseForm(ApplySchema, form);
    if (!parsed.ok) return data(parsed, { status: 400 });
    beneficiaryId = user.id;
    motivation = parsed.data.motivation;
  } else {
    requirePermission(args, "placements:manage");
    const parsed = parseForm(ProposeSchema, form);
    if (!parsed.ok) return data(parsed, { status: 400 });
    beneficiaryId = parsed.data.beneficiaryId;
  }
  const result = await applyToOffer(db, user, { offerId, beneficiaryId, motivation }, { ip });
  if (!result.ok && result.reason === "notFound") notFound();
  if (!result.ok)
    return data(
      { ok: false as const, errors: { form: "internships.errors.alreadyApplied" as const }, values: {} },
      { status: 400 },
    );
  return redirect(`/internships/offers/${offerId}?sent=1`);
}

export default function OfferDetail() {
  const { offer, hostName, role, mine, applications, caseload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <PageTitle>{offer.title}</PageTitle>
      <OfferFacts offer={offer} hostName={hostName} />
      <FormAlert message={actionData?.errors?.form} />
      {role === "applicant" ? <ApplyForm status={mine?.status} /> : null}
      {role === "coach" ? <ProposeForm caseload={caseload} errors={actionData?.errors} /> : null}
      {role !== "applicant" ? <OfferApplications applications={applications} /> : null}
    </div>
  );
}
