import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNote, PlacelessRefusal } from "~/components/done-note";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { formValues, parseForm, type FieldErrors } from "~/lib/forms.server";
import { runIntent } from "~/lib/intents.server";
import { moroccoDateTime, moroccoToday } from "~/lib/morocco-time";
import { idParam } from "~/lib/params.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { CancelAppointmentStep, MoveAppointmentForm } from "~/modules/coaching/appointment-page";
import { cancelAppointment, getAppointment, moveAppointment } from "~/modules/coaching/appointments.server";
import { appointmentChangeProblem, mayChangeAppointment } from "~/modules/coaching/rules";
import { AppointmentSchema } from "~/modules/coaching/schemas.server";
import { mayFollow } from "~/modules/internships/service.server";
import { messagesSentBy } from "~/modules/notifications/queries.server";
import { SentMessages } from "~/modules/notifications/ui";

/**
 * The appointment the path names, for the member of staff who set it while she still
 * follows the person, or an admin. Anyone else gets the answer of an appointment that
 * does not exist, as another coach's beneficiary does.
 */
async function requireOwnAppointment(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = requirePermission(args, "coaching:follow");
  const appointment = await getAppointment(args.context.db, idParam(args, "appointmentId"));
  if (!appointment || !mayChangeAppointment(user, appointment)) notFound();
  if (!(await mayFollow(args.context.db, user, appointment.beneficiaryId))) notFound();
  return { user, appointment, path: `/coaching/appointments/${appointment.id}` };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, appointment } = await requireOwnAppointment(args);
  const sent = await messagesSentBy(args.context.db, user.id, { userId: appointment.beneficiaryId, limit: 10 });
  const problem = appointmentChangeProblem(appointment, new Date());
  return {
    appointment: {
      id: appointment.id,
      beneficiaryId: appointment.beneficiaryId,
      beneficiaryName: appointment.beneficiaryName,
      startsAt: appointment.startsAt.toISOString(),
    },
    current: moroccoDateTime(appointment.startsAt),
    problem,
    cancelling: !problem && confirmStep(args, ["cancel"]) === "cancel",
    sent: sent.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    today: moroccoToday(),
  };
}

function refused(errors: FieldErrors, values: Record<string, string>, status: number) {
  return data({ ok: false as const, errors, values }, { status });
}

async function handleMove(args: ActionFunctionArgs, form: FormData) {
  const { user, appointment, path } = await requireOwnAppointment(args);
  const parsed = parseForm(AppointmentSchema, form);
  if (!parsed.ok) return refused(parsed.errors, parsed.values, 400);
  const result = await moveAppointment(args.context.db, user, appointment.id, parsed.data, { ip: args.context.ip });
  if (!result.ok) {
    if (result.status === 404) notFound();
    return refused(result.errors, formValues(form), result.status);
  }
  return redirect(`${path}?${result.moved ? "moved" : "unchanged"}=1`);
}

async function handleCancel(args: ActionFunctionArgs, form: FormData) {
  const { user, appointment, path } = await requireOwnAppointment(args);
  const step = unlessConfirmed(args.request, form, "cancel");
  if (step) return step;
  const result = await cancelAppointment(args.context.db, user, appointment.id, { ip: args.context.ip });
  if (!result.ok) {
    if (result.status === 404) notFound();
    return refused(result.errors, {}, result.status);
  }
  return redirect(path);
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(args, { move: handleMove, cancel: handleCancel }, null, requireOwnAppointment);
}

const LABELS = { date: "coaching.field.appointmentDate", time: "coaching.field.appointmentTime" } as const;

export default function AppointmentPage() {
  const { appointment, current, problem, cancelling, sent, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  const path = `/coaching/appointments/${appointment.id}`;
  const when = formatDate(appointment.startsAt, true);
  const name = appointment.beneficiaryName;
  if (cancelling) return <CancelAppointmentStep path={path} when={when} name={name} />;
  return (
    <div>
      <PageTitle>{t("coaching.appointment.title", { name })}</PageTitle>
      <PlacelessRefusal />
      <p>
        <strong>{t("coaching.appointment.when", { date: when })}</strong>
      </p>
      <p>
        <Link to={`/coaching/beneficiaries/${appointment.beneficiaryId}`}>
          {t("coaching.appointment.backToFile", { name })}
        </Link>
      </p>
      <DoneNote notes={{ "1": "coaching.appointment.moved" }} param="moved" />
      <DoneNote notes={{ "1": "coaching.appointment.unchanged" }} param="unchanged" />
      <ErrorSummary errors={actionData?.errors} labels={LABELS} order={["date", "time"]} />
      {problem === "cancelled" ? (
        <p className="alert" data-testid="appointment-cancelled">
          {t("coaching.appointment.isCancelled")}
        </p>
      ) : problem === "over" ? (
        <p className="alert">{t("coaching.appointment.isOver")}</p>
      ) : (
        <MoveAppointmentForm
          path={path}
          today={today}
          errors={actionData?.errors}
          values={actionData?.values ?? current}
        />
      )}
      <SentMessages messages={sent} />
    </div>
  );
}
