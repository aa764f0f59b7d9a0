import { labelled } from "~/i18n/translate";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { DoneNote, PlacelessRefusal } from "~/components/done-note";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { serverT } from "~/i18n/dictionaries.server";
import { localizedLabel } from "~/lib/localized";
import { formValues, parseForm, type FieldErrors } from "~/lib/forms.server";
import { moroccoToday } from "~/lib/morocco-time";
import { idParam, parseQuery, query } from "~/lib/params.server";
import { confirmStep } from "~/lib/confirm.server";
import { LOCALES } from "~/i18n/config";
import { liveCode } from "~/modules/auth/codes.server";
import { runIntent } from "~/lib/intents.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { formatLoginId } from "~/modules/auth/rules";
import { listOffers } from "~/modules/internships/queries.server";
import { ActsList, actLines } from "~/modules/office/acts";
import { ActForm, GrantForm, ReceivedForm, ReplaceSlipStep, SlipForm } from "~/modules/office/sections";
import { actsFor, decisionsAwaitingReceipt, decisionsReceived, personForStaff } from "~/modules/office/queries.server";
import { ReceiptForms } from "~/modules/office/receipt-forms";
import { receiptVersion, staleReceiptFlags } from "~/modules/office/rules";
import {
  ApplyForSchema,
  ApplyGrantForSchema,
  ChangeReceiptSchema,
  DecisionReceivedSchema,
  EnrolSchema,
} from "~/modules/office/schemas.server";
import {
  applyForPerson,
  applyGrantForPerson,
  changeDecisionReceived,
  enrolPerson,
  recordDecisionReceived,
} from "~/modules/office/service.server";
import { listOpenCalls } from "~/modules/grants/queries.server";
import { getSubmittablePlans } from "~/modules/grants/sources.server";
import { upcomingCohorts } from "~/modules/trainings/queries.server";

/** One person, for a member of staff who may act for them: the slip, and what to do for them. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "office:act");
  const { db, locale } = args.context;
  const person = await personForStaff(db, actor, idParam(args, "personId"));
  if (!person) notFound();
  const inFrench = serverT(locale)("content.inFrench");
  const [cohorts, offers, acts, calls, plans, decisions, received, live] = await Promise.all([
    upcomingCohorts(db, moroccoToday()),
    listOffers(db, {}),
    actsFor(db, person.id),
    listOpenCalls(db),
    getSubmittablePlans(db, person.id),
    decisionsAwaitingReceipt(db, person.id),
    decisionsReceived(db, person.id),
    // the set-up code the person may still use: printing again replaces it, after a confirmation step
    person.loginId ? liveCode(db, person.id, "account_setup", new Date(), { usable: true }) : null,
  ]);
  const slip = live ? { id: live.id, givenAt: live.createdAt, until: live.expiresAt } : null;
  const { locale: slipLocale } = parseQuery(args, { locale: query.oneOf(LOCALES) });
  const replacing =
    slip && confirmStep(args, ["replaceSlip"]) ? { locale: slipLocale ?? person.locale ?? locale } : null;
  return {
    slip,
    replacing,
    person: { ...person, loginId: person.loginId ? formatLoginId(person.loginId) : null },
    cohorts: cohorts.map((c) => ({
      value: c.id,
      label: `${localizedLabel(c, "title", locale, inFrench)} · ${localizedLabel(c, "name", locale, inFrench)} (${c.startsOn})`,
    })),
    offers: offers.map((o) => ({
      value: o.id,
      label: `${localizedLabel(o, "title", locale, inFrench)} · ${o.hostName}`,
    })),
    acts: actLines(acts, locale, inFrench),
    calls: calls.map((c) => ({ value: c.id, label: localizedLabel(c, "title", locale, inFrench) })),
    plans: plans.map((p) => ({ value: p.id, label: p.title })),
    decisions: decisions.map((d) => ({
      id: d.id,
      status: d.status,
      title: localizedLabel(d, "title", locale, inFrench),
    })),
    receipts: received.map((d) => ({
      id: d.id,
      awarded: d.status === "awarded",
      title: localizedLabel(d, "title", locale, inFrench),
      receivedOn: d.receivedOn ?? "",
      how: d.how ?? "",
      version: receiptVersion(d),
    })),
    today: moroccoToday(),
  };
}

type Answer = {
  form: "enrol" | "apply" | "grant" | "received" | "receipt";
  errors: FieldErrors;
  values?: Record<string, string>;
  /** a receipt's correction refused as stale: what the receipt holds now, beside each flagged field */
  onFile?: Record<string, string>;
};

async function handleEnrol(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "office:act");
  const parsed = parseForm(EnrolSchema, form);
  if (!parsed.ok) return data<Answer>({ form: "enrol", errors: parsed.errors }, { status: 400 });
  const personId = idParam(args, "personId");
  const result = await enrolPerson(args.context.db, actor, personId, parsed.data.cohortId, { ip: args.context.ip });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) return data<Answer>({ form: "enrol", errors: result.errors }, { status: result.status });
  return redirect(`/office/people/${personId}?done=${result.status}`);
}

async function handleApply(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "office:act");
  const parsed = parseForm(ApplyForSchema, form);
  if (!parsed.ok) return data<Answer>({ form: "apply", errors: parsed.errors }, { status: 400 });
  const personId = idParam(args, "personId");
  const result = await applyForPerson(args.context.db, actor, personId, parsed.data.offerId, { ip: args.context.ip });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) return data<Answer>({ form: "apply", errors: result.errors }, { status: result.status });
  return redirect(`/office/people/${personId}?done=applied`);
}

async function handleGrant(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "office:act");
  const values = formValues(form);
  const parsed = parseForm(ApplyGrantForSchema, form);
  if (!parsed.ok) return data<Answer>({ form: "grant", errors: parsed.errors, values }, { status: 400 });
  const personId = idParam(args, "personId");
  const result = await applyGrantForPerson(args.context.db, actor, personId, parsed.data, { ip: args.context.ip });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) return data<Answer>({ form: "grant", errors: result.errors, values }, { status: result.status });
  return redirect(`/office/people/${personId}?done=${result.eligible ? "granted" : "grantIneligible"}`);
}

async function handleReceived(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "office:act");
  const values = formValues(form);
  const parsed = parseForm(DecisionReceivedSchema, form);
  if (!parsed.ok) return data<Answer>({ form: "received", errors: parsed.errors, values }, { status: 400 });
  const personId = idParam(args, "personId");
  const result = await recordDecisionReceived(args.context.db, actor, personId, parsed.data, { ip: args.context.ip });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) return data<Answer>({ form: "received", errors: result.errors, values }, { status: result.status });
  return redirect(`/office/people/${personId}?done=received`);
}

/** Correct or undo a receipt recorded for the person; the form's errors go back to that receipt's form. */
async function handleReceipt(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "office:act");
  // the version the form was filled from goes back only with a stale refusal, as the current one
  const { version: _sent, ...values } = formValues(form);
  const parsed = parseForm(ChangeReceiptSchema, form);
  if (!parsed.ok) {
    // a missing or unknown button is a form tampered with, said on the form
    const { change, ...errors } = parsed.errors;
    const answer = { form: "receipt" as const, errors: change ? { ...errors, form: change } : errors, values };
    return data<Answer>(answer, { status: 400 });
  }
  const personId = idParam(args, "personId");
  const result = await changeDecisionReceived(args.context.db, actor, personId, parsed.data, { ip: args.context.ip });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok && result.errors.form === "office.errors.receiptStale") {
    // what was chosen stays, compared with the receipt as it is now; the form now carries the
    // receipt's current version, so saving again saves
    const now = (await decisionsReceived(args.context.db, personId)).find((d) => d.id === parsed.data.applicationId);
    if (!now)
      return data<Answer>({ form: "receipt", errors: { form: "office.errors.receiptNotRecorded" }, values }, 409);
    const sent = parsed.data.change === "correct" ? parsed.data : {};
    const { errors, onFile } = staleReceiptFlags(now, sent);
    return data<Answer>(
      { form: "receipt", errors, onFile, values: { ...values, version: receiptVersion(now) } },
      { status: 409 },
    );
  }
  if (!result.ok) return data<Answer>({ form: "receipt", errors: result.errors, values }, { status: result.status });
  const done = parsed.data.change === "undo" ? "receiptUndone" : result.changed ? "receiptCorrected" : "receiptSame";
  return redirect(`/office/people/${personId}?done=${done}`);
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(
    args,
    { enrol: handleEnrol, apply: handleApply, grant: handleGrant, received: handleReceived, receipt: handleReceipt },
    handleEnrol,
    (a) => requirePermission(a, "office:act"),
  );
}

/** The answer of one of the page's forms (not the refusal of a form the page does not know). */
function formAnswer<A extends object>(answer: A | undefined): Extract<A, { form: string }> | undefined {
  return answer && isFormAnswer(answer) ? answer : undefined;
}

function isFormAnswer<A extends object>(answer: A): answer is Extract<A, { form: string }> {
  return "form" in answer;
}

const DONE = {
  confirmed: "office.done.confirmed",
  waiting: "office.done.waiting",
  applied: "office.done.applied",
  granted: "office.done.applied",
  grantIneligible: "office.grant.ineligible",
  received: "office.done.received",
  receiptCorrected: "office.done.receiptCorrected",
  receiptSame: "office.done.receiptSame",
  receiptUndone: "office.done.receiptUndone",
} as const;

/** A grant application for the person, and the decisions whose receipt staff record. */
function PersonGrants({ done }: { done: string | null }) {
  const { calls, plans, decisions, receipts, today } = useLoaderData<typeof loader>();
  const actionData = formAnswer(useActionData<typeof action>());
  const { t } = useI18n();
  return (
    <>
      <h2>{t("office.grant.heading")}</h2>
      <GrantForm
        key={`grant-${done}`}
        calls={calls}
        plans={plans}
        errors={actionData?.form === "grant" ? actionData.errors : undefined}
        values={actionData?.form === "grant" ? actionData.values : undefined}
      />

      <h2>{t("office.received.heading")}</h2>
      <ReceivedForm
        key={`received-${done}`}
        decisions={decisions.map((d) => ({
          value: d.id,
          label: `${d.title} · ${t(`office.received.${d.status === "awarded" ? "awarded" : "rejected"}`)}`,
        }))}
        today={today}
        errors={actionData?.form === "received" ? actionData.errors : undefined}
        values={actionData?.form === "received" ? actionData.values : undefined}
      />

      <h2>{t("office.receipts.heading")}</h2>
      <ReceiptForms
        key={`receipts-${done}`}
        receipts={receipts}
        today={today}
        echoFor={actionData?.form === "receipt" ? actionData.values?.applicationId : undefined}
        errors={actionData?.form === "receipt" ? actionData.errors : undefined}
        values={actionData?.form === "receipt" ? actionData.values : undefined}
        onFile={actionData?.form === "receipt" ? actionData.onFile : undefined}
      />
    </>
  );
}

export default function OfficePerson() {
  const { person, cohorts, offers, acts, slip, replacing } = useLoaderData<typeof loader>();
  const actionData = formAnswer(useActionData<typeof action>());
  const [params] = useSearchParams();
  const { t, formatDate, locale } = useI18n();
  const done = params.get("done");
  if (replacing && slip)
    return <ReplaceSlipStep personId={person.id} name={person.displayName} locale={replacing.locale} slip={slip} />;
  return (
    <div className="narrow">
      <BackLink to="/office">{t("office.title")}</BackLink>
      <PageTitle>
        <bdi>{person.displayName}</bdi>
      </PageTitle>
      <PlacelessRefusal />
      {/* the notes of an earlier act, never above a refused one */}
      <DoneNote notes={{ "1": "office.person.registered" }} param="registered" />
      <DoneNote notes={DONE} />
      {person.loginId ? (
        <p>
          {labelled(t, "office.person.identifier")}{" "}
          <strong dir="ltr" data-testid="login-id">
            {person.loginId}
          </strong>
        </p>
      ) : null}
      <p>
        {person.noticeReadAt && person.noticeLanguage
          ? t("office.person.notice", {
              name: person.noticeReadBy ?? "",
              language: t(`office.lang.${person.noticeLanguage}` as "office.lang.fr"),
              date: formatDate(person.noticeReadAt),
            })
          : t("office.person.noNotice")}
      </p>
      <p>{t(person.takenOver ? "office.person.takenOver" : "office.person.managed")}</p>

      <h2>{t("office.slip.heading")}</h2>
      {person.loginId ? (
        <SlipForm personId={person.id} locale={person.locale ?? locale} live={slip} />
      ) : (
        <p>{t("office.slip.none")}</p>
      )}

      <h2>{t("office.enrol.heading")}</h2>
      {/* keyed by the last act: with JavaScript, a form done is shown empty again */}
      <ActForm
        key={`enrol-${done}`}
        intent="enrol"
        field="cohortId"
        label="office.enrol.cohort"
        options={cohorts}
        submit="office.enrol.submit"
        none="office.enrol.none"
        errors={actionData?.form === "enrol" ? actionData.errors : undefined}
      />

      <h2>{t("office.apply.heading")}</h2>
      <ActForm
        key={`apply-${done}`}
        intent="apply"
        field="offerId"
        label="office.apply.offer"
        options={offers}
        submit="office.apply.submit"
        none="office.apply.none"
        errors={actionData?.form === "apply" ? actionData.errors : undefined}
      />

      <PersonGrants done={done} />

      <h2>{t("office.acts.staffHeading")}</h2>
      <ActsList acts={acts} />
    </div>
  );
}
