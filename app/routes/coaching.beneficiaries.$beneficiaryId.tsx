import { PlacelessRefusal } from "~/components/done-note";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ErrorSummary } from "~/components/error-summary";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormAlert, PageTitle } from "~/components/form";
import type { MessageKey } from "~/i18n/translate";
import { useI18n } from "~/i18n/i18n-context";
import { moroccoToday } from "~/lib/morocco-time";
import { formValues, parseForm, type FieldErrors } from "~/lib/forms.server";
import { runIntent } from "~/lib/intents.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { beneficiaryFile, employmentChecksOf } from "~/modules/coaching/queries.server";
import { mayChangeAppointment } from "~/modules/coaching/rules";
import {
  GuidanceSection,
  JobSearchSection,
  NextSteps,
  PlacementsSection,
  TrainingsList,
} from "~/modules/coaching/beneficiary-sections";
import { AppointmentsSection } from "~/modules/coaching/appointment-section";
import { scheduleAppointment, upcomingAppointments } from "~/modules/coaching/appointments.server";
import {
  AppointmentSchema,
  CompleteActionSchema,
  CorrectEmploymentCheckSchema,
  EmploymentCheckSchema,
  GuidanceSchema,
  JobSearchSchema,
} from "~/modules/coaching/schemas.server";
import { messagesSentBy } from "~/modules/notifications/queries.server";
import {
  checkVersion,
  completeAction,
  correctEmploymentCheck,
  logJobSearch,
  mayCorrectCheck,
  recordEmploymentCheck,
  recordGuidance,
} from "~/modules/coaching/service.server";
import { EmploymentSection } from "~/modules/coaching/employment-section";
import { listHosts } from "~/modules/internships/queries.server";
import { CreatePlacementSchema } from "~/modules/internships/schemas.server";
import { createPlacement, mayFollow } from "~/modules/internships/service.server";
import { idParam } from "~/lib/params.server";
import { businessesOnFile, correctFollowUp, recordFollowUp } from "~/modules/businesses/service.server";
import { CorrectFollowUpSchema, FollowUpSchema } from "~/modules/businesses/schemas.server";
import { FollowUpSection } from "~/modules/businesses/follow-up-section";

async function load(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = requirePermission(args, "coaching:follow");
  const beneficiaryId = idParam(args, "beneficiaryId");
  // another coach's beneficiary answers exactly like one that does not exist
  if (!(await mayFollow(args.context.db, user, beneficiaryId))) notFound();
  const file = await beneficiaryFile(args.context.db, beneficiaryId);
  if (!file) notFound();
  return { user, file, beneficiaryId };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, file, beneficiaryId } = await load(args);
  const { db } = args.context;
  const today = moroccoToday();
  const [hosts, appointments, sent, businesses, checks] = await Promise.all([
    listHosts(db),
    upcomingAppointments(db, beneficiaryId),
    messagesSentBy(db, user.id, { userId: beneficiaryId, limit: 10 }),
    businessesOnFile(db, beneficiaryId, today),
    employmentChecksOf(db, [beneficiaryId], today),
  ]);
  const employment = checks.get(beneficiaryId);
  return {
    ...file,
    hosts,
    // the one who set an appointment (or an admin) may move or cancel it
    appointments: appointments.map((a) => ({
      id: a.id,
      coachName: a.coachName,
      startsAt: a.startsAt.toISOString(),
      changeable: mayChangeAppointment(user, a),
    })),
    sent: sent.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    businesses,
    employmentChecks: (employment?.schedule ?? []).map((c) => {
      const record = employment?.recorded.find((r) => r.monthsAfter === c.monthsAfter);
      return {
        ...c,
        record: record
          ? {
              employmentStatus: record.employmentStatus,
              recordedOn: record.recordedOn,
              version: checkVersion(record),
              mayCorrect: mayCorrectCheck(user, record),
            }
          : null,
      };
    }),
    today,
  };
}

function refused(intent: string, errors: FieldErrors, values: Record<string, string>) {
  return data({ ok: false as const, intent, errors, values }, { status: 400 });
}

async function handleGuidance(args: ActionFunctionArgs, form: FormData) {
  const { user, beneficiaryId } = await load(args);
  const parsed = parseForm(GuidanceSchema, form);
  if (!parsed.ok) return refused("guidance", parsed.errors, parsed.values);
  await recordGuidance(args.context.db, user, beneficiaryId, parsed.data, { ip: args.context.ip });
  return redirect(`/coaching/beneficiaries/${beneficiaryId}`);
}

async function handleJobSearch(args: ActionFunctionArgs, form: FormData) {
  const { user, beneficiaryId } = await load(args);
  const parsed = parseForm(JobSearchSchema, form);
  if (!parsed.ok) return refused("jobsearch", parsed.errors, parsed.values);
  await logJobSearch(args.context.db, user, beneficiaryId, parsed.data, { ip: args.context.ip });
  return redirect(`/coaching/beneficiaries/${beneficiaryId}`);
}

async function handleDone(args: ActionFunctionArgs, form: FormData) {
  const { user, beneficiaryId } = await load(args);
  const parsed = parseForm(CompleteActionSchema, form);
  // an unknown or malformed step changes nothing, as a step already done
  if (parsed.ok)
    await completeAction(args.context.db, user, beneficiaryId, parsed.data.actionId, { ip: args.context.ip });
  return redirect(`/coaching/beneficiaries/${beneficiaryId}`);
}

async function handlePlacement(args: ActionFunctionArgs, form: FormData) {
  const { user, beneficiaryId } = await load(args);
  form.set("beneficiaryId", beneficiaryId);
  const parsed = parseForm(CreatePlacementSchema, form);
  if (!parsed.ok) return refused("placement", parsed.errors, parsed.values);
  const result = await createPlacement(args.context.db, user, parsed.data, { ip: args.context.ip });
  if (!result.ok) {
    if (result.status === 404) notFound();
    return refused("placement", result.errors, formValues(form));
  }
  return redirect(`/placements/${result.id}`);
}

async function handleAppointment(args: ActionFunctionArgs, form: FormData) {
  const { user, beneficiaryId } = await load(args);
  const parsed = parseForm(AppointmentSchema, form);
  if (!parsed.ok) return refused("appointment", parsed.errors, parsed.values);
  const result = await scheduleAppointment(args.context.db, user, beneficiaryId, parsed.data, { ip: args.context.ip });
  if (!result.ok) return refused("appointment", result.errors, formValues(form));
  return redirect(`/coaching/beneficiaries/${beneficiaryId}`);
}

async function handleFollowUp(args: ActionFunctionArgs, form: FormData) {
  const { user, beneficiaryId } = await load(args);
  const parsed = parseForm(FollowUpSchema, form);
  if (!parsed.ok) return refused("followup", parsed.errors, parsed.values);
  const result = await recordFollowUp(args.context.db, user, beneficiaryId, parsed.data, { ip: args.context.ip });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok)
    return data(
      { ok: false as const, intent: "followup", errors: result.errors, values: formValues(form) },
      { status: result.status },
    );
  return redirect(`/coaching/beneficiaries/${beneficiaryId}?visit=1#business-follow-up`);
}

async function handleFollowUpCorrect(args: ActionFunctionArgs, form: FormData) {
  const { user, beneficiaryId } = await load(args);
  const parsed = parseForm(CorrectFollowUpSchema, form);
  if (!parsed.ok) return refused("followupCorrect", parsed.errors, parsed.values);
  const result = await correctFollowUp(args.context.db, user, beneficiaryId, parsed.data, { ip: args.context.ip });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok)
    return data(
      { ok: false as const, intent: "followupCorrect", errors: result.errors, values: formValues(form) },
      { status: result.status },
    );
  return redirect(
    `/coaching/beneficiaries/${beneficiaryId}?visit=${result.changed ? "corrected" : "unchanged"}#business-follow-up`,
  );
}

async function handleEmploymentCheck(args: ActionFunctionArgs, form: FormData) {
  const { user, beneficiaryId } = await load(args);
  const parsed = parseForm(EmploymentCheckSchema, form);
  if (!parsed.ok) return refused("employmentCheck", parsed.errors, parsed.values);
  const result = await recordEmploymentCheck(args.context.db, user, beneficiaryId, parsed.data, {
    ip: args.context.ip,
  });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok)
    return data(
      { ok: false as const, intent: "employmentCheck", errors: result.errors, values: formValues(form) },
      { status: result.status },
    );
  return redirect(`/coaching/beneficiaries/${beneficiaryId}?visit=employment#employment-checks`);
}

async function handleEmploymentCheckCorrect(args: ActionFunctionArgs, form: FormData) {
  const { user, beneficiaryId } = await load(args);
  const parsed = parseForm(CorrectEmploymentCheckSchema, form);
  if (!parsed.ok) return refused("employmentCheckCorrect", parsed.errors, parsed.values);
  const result = await correctEmploymentCheck(args.context.db, user, beneficiaryId, parsed.data, {
    ip: args.context.ip,
  });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok)
    return data(
      { ok: false as const, intent: "employmentCheckCorrect", errors: result.errors, values: formValues(form) },
      { status: result.status },
    );
  const outcome = result.changed ? "employmentCorrected" : "employmentUnchanged";
  return redirect(`/coaching/beneficiaries/${beneficiaryId}?visit=${outcome}#employment-checks`);
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(
    args,
    {
      guidance: handleGuidance,
      jobsearch: handleJobSearch,
      done: handleDone,
      placement: handlePlacement,
      appointment: handleAppointment,
      followup: handleFollowUp,
      followupCorrect: handleFollowUpCorrect,
      employmentCheck: handleEmploymentCheck,
      employmentCheckCorrect: handleEmploymentCheckCorrect,
    },
    null,
    load,
  );
}

/** The fields of the page's forms, with their labels, for the error summary. */
const COACHING_LABELS = {
  date: "coaching.field.appointmentDate",
  time: "coaching.field.appointmentTime",
  hostId: "internships.field.host",
  tutorName: "internships.field.tutor",
  tutorContact: "internships.field.tutorContact",
  startsOn: "internships.field.startsOn",
  endsOn: "internships.field.endsOn",
  stipend: "internships.field.stipend",
  heldOn: "coaching.field.heldOn",
  goals: "coaching.field.goals",
  obstacles: "coaching.field.obstacles",
  step1: "coaching.field.step",
  due1: "coaching.field.due",
  step2: "coaching.field.step",
  due2: "coaching.field.due",
  step3: "coaching.field.step",
  due3: "coaching.field.due",
  loggedOn: "coaching.field.loggedOn",
  cvsSent: "coaching.field.cvsSent",
  interviews: "coaching.field.interviews",
  contacts: "coaching.field.contacts",
  notes: "internships.field.notes",
  visitedOn: "businesses.field.visitedOn",
  stillRunning: "businesses.field.stillRunning",
  revenueBand: "businesses.field.revenueBand",
  jobsCreated: "businesses.field.jobsCreated",
  jobsWomen: "businesses.field.jobsWomen",
  jobsMigrants: "businesses.field.jobsMigrants",
  employmentStatus: "coaching.employmentCheck.status",
} as const;

/** What a recorded or corrected visit or check says, above its own section. */
const SAVED = {
  business: { "1": "businesses.saved", corrected: "businesses.corrected", unchanged: "businesses.unchanged" },
  employment: {
    employment: "coaching.employmentCheck.saved",
    employmentCorrected: "coaching.employmentCheck.corrected",
    employmentUnchanged: "coaching.employmentCheck.unchanged",
  },
} as const;

/** After a business visit or an employment check recorded or corrected: what happened, by its section. */
function VisitSaved({ visit, section }: { visit: string | null; section: keyof typeof SAVED }) {
  const messages: Record<string, MessageKey> = SAVED[section];
  const message = visit ? messages[visit] : undefined;
  return message ? <FormAlert tone="success" message={message} /> : null;
}

export default function BeneficiaryFile() {
  const {
    person,
    trainings,
    placements,
    sessions,
    actions,
    searches,
    hosts,
    appointments,
    sent,
    businesses,
    employmentChecks,
    today,
  } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const echoOf = (intent: string) =>
    actionData && "intent" in actionData && actionData.intent === intent
      ? { errors: actionData.errors, values: actionData.values }
      : {};
  return (
    <div>
      <PageTitle>{person.displayName}</PageTitle>
      <PlacelessRefusal />
      <ErrorSummary errors={actionData?.errors} labels={COACHING_LABELS} />
      <p className="hint">{[person.phone, person.email].filter(Boolean).join(" · ")}</p>
      <p>
        <a className="button button-secondary" href={`/cv/${person.id}.pdf`}>
          {t("coaching.cv.print")}
        </a>
      </p>
      <AppointmentsSection appointments={appointments} sent={sent} today={today} {...echoOf("appointment")} />
      <NextSteps actions={actions} today={today} />
      <TrainingsList trainings={trainings} />
      <VisitSaved visit={params.get("visit")} section="employment" />
      <EmploymentSection
        checks={employmentChecks}
        correcting={echoOf("employmentCheckCorrect")}
        {...echoOf("employmentCheck")}
      />
      <PlacementsSection placements={placements} hosts={hosts} {...echoOf("placement")} />
      <GuidanceSection sessions={sessions} today={today} {...echoOf("guidance")} />
      <JobSearchSection searches={searches} today={today} {...echoOf("jobsearch")} />
      <VisitSaved visit={params.get("visit")} section="business" />
      <FollowUpSection
        businesses={businesses}
        today={today}
        correcting={echoOf("followupCorrect")}
        {...echoOf("followup")}
      />
    </div>
  );
}
