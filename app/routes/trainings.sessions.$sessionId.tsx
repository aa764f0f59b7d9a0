import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNote, EarlierActNote } from "~/components/done-note";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { getAttendanceSheet } from "~/modules/trainings/queries.server";
import { LocalizedText } from "~/components/localized-text";
import { parseAttendance } from "~/modules/trainings/schemas.server";
import { ATTENDANCE_MARKS } from "~/modules/trainings/constants";
import { markAttendance } from "~/modules/trainings/service.server";
import { attendanceOpen, type AttendanceMark } from "~/modules/trainings/rules";
import { idParam } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "trainings:attendance");
  const sheet = await getAttendanceSheet(args.context.db, idParam(args, "sessionId"));
  if (!sheet) notFound();
  return { ...sheet, open: attendanceOpen(sheet.session.startsAt, new Date()) };
}

/**
 * One form for the whole session: a row per participant, three radio buttons each, none
 * chosen until someone is marked (a register taken, not assumed). Rows left unmarked
 * stay unmarked. Offered from the session's day only.
 */
export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "trainings:attendance");
  const sessionId = idParam(args, "sessionId");
  const parsed = parseAttendance(await args.request.formData());
  const invalid = { ok: false as const, errors: { form: "trainings.errors.attendanceInvalid" as const } };
  if (!parsed.ok) return data(invalid, { status: 400 });
  const result = await markAttendance(args.context.db, actor, sessionId, parsed.marks, { ip: args.context.ip });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) return data({ ok: false as const, errors: result.errors }, { status: result.status });
  return redirect(`/trainings/sessions/${sessionId}?saved=1`);
}

export default function AttendanceSheet() {
  const { session, cohort, training, rows, open } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, formatDate } = useI18n();
  const unmarked = rows.filter((r) => !r.status).length;
  return (
    <div>
      <PageTitle>{t("trainings.attendanceTitle")}</PageTitle>
      <p>
        <LocalizedText row={training} field="title" /> · <LocalizedText row={cohort} field="name" /> ·{" "}
        {formatDate(session.startsAt, true)}
      </p>
      <p className="hint" data-session-reference>
        {t("trainings.session.reference", { id: `\u2066${session.id}\u2069` })}
      </p>
      <p>
        <Link to={`/trainings/cohorts/${cohort.id}`}>{t("trainings.backToCohort")}</Link>
      </p>
      <p>
        <a href={`/trainings/sessions/${session.id}/sheet.pdf`} download data-testid="attendance-sheet-pdf">
          {t("sheets.print")}
        </a>
      </p>
      <DoneNote notes={{ "1": "trainings.attendanceSaved" }} param="saved" />
      <EarlierActNote when={params.get("saved") && unmarked > 0}>
        <p className="hint" data-testid="unmarked">
          {t("trainings.attendanceUnmarked", { count: unmarked })}
        </p>
      </EarlierActNote>
      <FormAlert message={actionData?.errors.form} />
      {rows.length === 0 ? <p>{t("trainings.noParticipants")}</p> : null}
      {open ? (
        <AttendanceForm rows={rows} />
      ) : (
        <p className="alert" data-testid="attendance-not-yet">
          {t("trainings.attendanceNotYet", { date: formatDate(session.startsAt) })}
        </p>
      )}
    </div>
  );
}

function AttendanceForm({ rows }: { rows: { userId: string; displayName: string; status: AttendanceMark | null }[] }) {
  const { t } = useI18n();
  return (
    <Form method="post" className="attendance">
      {rows.map((r) => (
        <fieldset key={r.userId} className="attendance-row">
          <legend>{r.displayName}</legend>
          {ATTENDANCE_MARKS.map((m) => (
            <label key={m} className="attendance-choice">
              <input type="radio" name={`mark-${r.userId}`} value={m} defaultChecked={r.status === m} />
              {t(`trainings.mark.${m}`)}
            </label>
          ))}
        </fieldset>
      ))}
      {rows.length > 0 ? (
        <button type="submit" className="button">
          {t("trainings.saveAttendance")}
        </button>
      ) : null}
    </Form>
  );
}
