import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNote, PlacelessRefusal } from "~/components/done-note";
import { LocalizedText } from "~/components/localized-text";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { PageTitle } from "~/components/form";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { formValues, parseForm } from "~/lib/forms.server";
import { runIntent } from "~/lib/intents.server";
import { idParam, parseQuery, query, queryFlag } from "~/lib/params.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { beneficiariesOf } from "~/modules/coaching/queries.server";
import { answerApplication, applyToOffer } from "~/modules/internships/applications.server";
import { applicationsFor, getOffer, myApplication } from "~/modules/internships/queries.server";
import { mayAnswerApplication } from "~/modules/internships/rules";
import { AnswerApplicationSchema, ApplySchema, ProposeSchema } from "~/modules/internships/schemas.server";
import { closeOffer } from "~/modules/internships/corrections.server";
import { useI18n } from "~/i18n/i18n-context";
import {
  ApplyForm,
  CloseOfferStep,
  DeclineStep,
  OfferManagement,
  OfferApplications,
  OfferFacts,
  ProposeForm,
} from "~/modules/internships/offer-sections";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "internships:browse");
  const { db } = args.context;
  const found = await getOffer(db, idParam(args, "offerId"));
  if (!found) notFound();
  const staff = user.role !== "applicant";
  const applications = staff ? await applicationsFor(db, found.offer.id, user.role === "coach" ? user.id : null) : [];
  const canAnswer = can(user, "placements:manage");
  // the step names the person; an application answered meanwhile (or not visible) has none
  const { applicationId } = parseQuery(args, { applicationId: query.id() });
  const asked = confirmStep(args, ["decline", "close"]);
  const declining =
    canAnswer && asked === "decline"
      ? (applications.find((a) => a.id === applicationId && mayAnswerApplication(a.status)) ?? null)
      : null;
  const canManage = can(user, "internships:manage");
  // the step is offered to who may close, for an offer still open
  const closing =
    canManage && asked === "close" && found.offer.isOpen
      ? { waiting: applications.filter((a) => mayAnswerApplication(a.status)).length }
      : null;
  return {
    ...found,
    role: user.role,
    mine: user.role === "applicant" ? await myApplication(db, found.offer.id, user.id) : null,
    applications,
    canAnswer,
    canManage,
    declining,
    closing,
    ...parseQuery(args, { told: query.int(0, 100_000) }),
    sent: queryFlag(args, "sent"),
    caseload: user.role === "coach" ? await beneficiariesOf(db, user.id) : [],
  };
}

/** Staff record the host's answer; "not retained" only through its confirmation step, with a reason. */
async function answer(args: ActionFunctionArgs, form: FormData) {
  const user = requirePermission(args, "placements:manage");
  const offerId = idParam(args, "offerId");
  // "not retained" goes through its step (where the reason is typed) before anything is checked
  if (form.get("answer") === "declined") {
    const step = unlessConfirmed(args.request, form, "decline", ["applicationId"]);
    if (step) return step;
  }
  const parsed = parseForm(AnswerApplicationSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await answerApplication(args.context.db, user, parsed.data, { ip: args.context.ip });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) return data({ ok: false as const, errors: result.errors, values: {} }, { status: result.status });
  return redirect(`/internships/offers/${offerId}?answered=1`);
}

/** An applicant applies; a coach proposes one of the people she follows. */
async function apply(args: ActionFunctionArgs, form: FormData) {
  const user = requirePermission(args, "internships:browse");
  const { db, ip } = args.context;
  const offerId = idParam(args, "offerId");
  if (!(await getOffer(db, offerId))) notFound();
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
  if (!result.ok && result.status === 404) notFound();
  // applied already: the form's answer, as any refused form, with what was typed
  if (!result.ok) return data({ ok: false as const, errors: result.errors, values: formValues(form) }, { status: 400 });
  return redirect(`/internships/offers/${offerId}?sent=1`);
}

/** Close the offer, through its confirmation step only. */
async function close(args: ActionFunctionArgs, form: FormData) {
  const user = requirePermission(args, "internships:manage");
  const offerId = idParam(args, "offerId");
  if (!(await getOffer(args.context.db, offerId))) notFound();
  const step = unlessConfirmed(args.request, form, "close");
  if (step) return step;
  const result = await closeOffer(args.context.db, user, offerId, { ip: args.context.ip });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) return data({ ok: false as const, errors: result.errors, values: {} }, { status: result.status });
  return redirect(`/internships/offers/${offerId}?told=${result.told}`);
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(args, { answer, decline: answer, close }, apply, (a) => requirePermission(a, "internships:browse"));
}

export default function OfferDetail() {
  const { offer, hostName, role, mine, applications, caseload, canAnswer, canManage, declining, closing, told, sent } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const path = `/internships/offers/${offer.id}`;
  if (declining)
    return <DeclineStep application={declining} path={path} errors={actionData?.errors} values={actionData?.values} />;
  if (closing) return <CloseOfferStep offer={offer} waiting={closing.waiting} path={path} />;
  return (
    <div>
      <PageTitle>
        <LocalizedText row={offer} field="title" />
      </PageTitle>
      <PlacelessRefusal />
      <OfferFacts offer={offer} hostName={hostName} />
      <DoneNote notes={{ "1": "internships.answered" }} param="answered" />
      <DoneNote notes={{ corrected: "internships.correct.corrected", unchanged: "internships.correct.unchanged" }} />
      {/* as EarlierActNote: never above a refusal (an offer closed is said otherwise) */}
      {told !== undefined && !actionData ? (
        <p className="alert alert-success" role="status">
          {t("internships.closedNotice", { count: told })}
        </p>
      ) : !offer.isOpen && role !== "applicant" ? (
        <p className="alert">{t("internships.closed")}</p>
      ) : null}
      <ErrorSummary
        errors={actionData?.errors}
        labels={{
          motivation: "internships.field.motivation",
          beneficiaryId: "internships.proposeBeneficiary",
          reason: "internships.field.answerReason",
        }}
      />
      {role === "applicant" ? (
        <ApplyForm
          status={mine?.status}
          sent={sent && !actionData}
          reason={mine?.answerReason}
          closed={!offer.isOpen}
          errors={actionData?.errors}
          values={actionData?.values}
        />
      ) : null}
      {role === "coach" && offer.isOpen ? <ProposeForm caseload={caseload} errors={actionData?.errors} /> : null}
      {canManage ? <OfferManagement offer={offer} path={path} /> : null}
      {role !== "applicant" ? <OfferApplications applications={applications} path={canAnswer ? path : null} /> : null}
    </div>
  );
}
