import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNote } from "~/components/done-note";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { PageTitle } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm } from "~/lib/forms.server";
import { moroccoDateTime, moroccoToday } from "~/lib/morocco-time";
import { idParam } from "~/lib/params.server";
import { forbidden, notFound, requirePermission } from "~/modules/auth/guards.server";
import { messagesSentBy } from "~/modules/notifications/queries.server";
import { SentMessages } from "~/modules/notifications/ui";
import { MoveSessionForm } from "~/modules/trainings/move-session-form";
import { getAttendanceSheet } from "~/modules/trainings/queries.server";
import { MoveSessionSchema } from "~/modules/trainings/schemas.server";
import { mayMoveSession } from "~/modules/trainings/rules";
import { attendanceMarked, moveSession } from "~/modules/trainings/sessions.server";

/** The session the path names, for its trainer or an admin: 404 when there is none, 403 for other staff. */
async function requireMovable(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const actor = requirePermission(args, "trainings:attendance");
  const sheet = await getAttendanceSheet(args.context.db, idParam(args, "sessionId"));
  if (!sheet) notFound();
  if (!mayMoveSession(actor, sheet.session)) forbidden();
  return { actor, sheet };
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, sheet } = await requireMovable(args);
  const { db } = args.context;
  const { session, cohort, training, rows } = sheet;
  const [held, sent] = await Promise.all([
    attendanceMarked(db, session.id),
    messagesSentBy(db, actor.id, {
      userIds: rows.map((r) => r.userId),
      kind: "notify.trainingSessionMoved",
      limit: 20,
    }),
  ]);
  const { date, time } = moroccoDateTime(session.startsAt);
  return {
    session: { id: session.id, startsAt: session.startsAt.toISOString() },
    // the form starts from the session as it stands
    current: {
      date,
      time,
      placeFr: session.placeFr ?? "",
      placeAr: session.placeAr ?? "",
      placeEn: session.placeEn ?? "",
      onlineLink: session.onlineLink ?? "",
    },
    place: { placeFr: session.placeFr, placeAr: session.placeAr, placeEn: session.placeEn },
    onlineLink: session.onlineLink,
    cohort,
    training,
    participants: rows.length,
    held,
    // participants are named, not given by number: a trainer need not read their phones
    sent: sent.map((m) => ({
      ...m,
      recipient: "",
      name: rows.find((r) => r.userId === m.userId)?.displayName ?? "",
      createdAt: m.createdAt.toISOString(),
    })),
    today: moroccoToday(),
  };
}

/** Move the session; refused moves (a held session, the past, a bad date) answer 400/409 with the form echoed. */
export async function action(args: ActionFunctionArgs) {
  const { actor, sheet } = await requireMovable(args);
  const form = await args.request.formData();
  const parsed = parseForm(MoveSessionSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await moveSession(args.context.db, actor, sheet.session.id, parsed.data, { ip: args.context.ip });
  if (!result.ok) {
    if (result.status === 404) notFound();
    if (result.status === 403) forbidden();
    return data({ ok: false as const, errors: result.errors, values: formValues(form) }, { status: result.status });
  }
  return redirect(`/trainings/sessions/${sheet.session.id}/move?${result.moved ? "moved" : "unchanged"}=1`);
}

const LABELS = {
  date: "trainings.field.date",
  time: "trainings.field.timeMorocco",
  placeFr: "trainings.field.place",
  placeAr: "trainings.field.place",
  placeEn: "trainings.field.place",
  onlineLink: "trainings.field.onlineLink",
} as const;

export default function MoveSessionPage() {
  const { session, current, place, onlineLink, cohort, training, participants, held, sent, today } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const typed = actionData && "values" in actionData ? actionData.values : undefined;
  return (
    <div>
      <PageTitle>{t("trainings.move.title")}</PageTitle>
      <p>
        <LocalizedText row={training} field="title" /> · <LocalizedText row={cohort} field="name" />
      </p>
      <p>
        <strong>{t("trainings.move.now", { date: formatDate(session.startsAt, true) })}</strong>
        <br />
        {place.placeFr ? <LocalizedText row={place} field="place" /> : <bdi dir="ltr">{onlineLink}</bdi>}
      </p>
      <p>
        <Link to={`/trainings/cohorts/${cohort.id}`}>{t("trainings.backToCohort")}</Link>
      </p>
      <DoneNote notes={{ "1": "trainings.move.saved" }} param="moved" />
      <DoneNote notes={{ "1": "trainings.move.unchanged" }} param="unchanged" />
      <ErrorSummary errors={errors} labels={LABELS} order={Object.keys(LABELS)} />
      {held ? (
        <p className="alert" data-testid="session-held">
          {t("trainings.errors.sessionHeld")}
        </p>
      ) : (
        <MoveSessionForm participants={participants} today={today} errors={errors} values={typed ?? current} />
      )}
      <SentMessages messages={sent} title="outbox.sentToParticipants" />
    </div>
  );
}
