import { Link } from "~/components/link";
import { LocalizedText } from "~/components/localized-text";
import { SessionLine, type SessionWhere } from "~/modules/trainings/session-line";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import type { PlacementStatus } from "~/modules/internships/constants";
import { isBehind, type CaseloadRow } from "./rules";

/** The coach's home: their own caseload, overdue follow-ups and next steps first. */
export function CaseloadPanel({ rows }: { rows: CaseloadRow[] }) {
  const { t, formatDate } = useI18n();
  return (
    <section className="caseload" aria-labelledby="caseload-title">
      <h2 id="caseload-title">{t("coaching.caseload", { count: rows.length })}</h2>
      {rows.length === 0 ? (
        <p>{t("coaching.emptyCaseload")}</p>
      ) : (
        <p>
          <a href="/coaching/caseload.csv" download data-testid="caseload-csv">
            {t("sheets.caseload.download")}
          </a>
        </p>
      )}
      <ul className="list">
        {rows.map((r) => (
          <li
            key={r.beneficiaryId}
            className={isBehind(r) ? "list-item caseload-overdue" : "list-item"}
            data-beneficiary={r.beneficiaryId}
          >
            <p>
              <Link to={`/coaching/beneficiaries/${r.beneficiaryId}`}>
                <strong>{r.displayName}</strong>
              </Link>{" "}
              · {t(`coaching.stage.${r.stage}`)}
              <DueBadge when={r.overdue} data="data-overdue" label="internships.overdue" />
              <DueBadge when={r.businessVisitsDue > 0} data="data-business-visit" label="businesses.dueBadge" />
              <DueBadge
                when={r.employmentChecksDue > 0}
                data="data-employment-check"
                label="coaching.employmentCheck.badge"
              />
              <DueBadge
                when={r.internshipOutcomesDue > 0}
                data="data-internship-outcome"
                label="internships.outcomeDueBadge"
              />
              <DueBadge when={r.actionLate} data="data-action-late" label="coaching.actionOverdue" />
            </p>
            {r.nextAction ? (
              <p className={r.actionLate ? "error" : "hint"}>
                <bdi>{r.nextAction.description}</bdi> · {t("coaching.due", { date: formatDate(r.nextAction.dueOn) })}
              </p>
            ) : (
              <p className="hint">{t("coaching.noNextSteps")}</p>
            )}
            {r.placementId ? (
              <p>
                <Link to={`/placements/${r.placementId}`}>{t("coaching.openPlacement")}</Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

type ApplicantPanelData = {
  userId: string;
  trainings: {
    registrationId: string;
    trainingId: string;
    status: "confirmed" | "waiting" | "cancelled";
    titleFr: string;
    titleAr: string;
    titleEn: string;
    startsOn: string;
    certificateId: string | null;
  }[];
  placement: { hostName: string; status: PlacementStatus; startsOn: string; endsOn: string } | null;
  actions: { id: string; description: string; dueOn: string }[];
  coach: { displayName: string; phone: string | null; email: string | null } | null;
  appointments: { id: string; startsAt: string; coachName: string }[];
  sessions: (SessionWhere & { id: string; trainingId: string; titleFr: string; titleAr: string; titleEn: string })[];
};

/** The next training sessions where the applicant holds a seat: the training, when and where. */
function SessionsCard({ sessions }: { sessions: ApplicantPanelData["sessions"] }) {
  const { t } = useI18n();
  if (sessions.length === 0) return null;
  return (
    <section className="card" data-next-sessions>
      <h2>{t("coaching.home.nextSessions")}</h2>
      <ul>
        {sessions.map((s) => (
          <li key={s.id}>
            <Link to={`/trainings/${s.trainingId}`}>
              <LocalizedText row={s} field="title" />
            </Link>
            <br />
            <SessionLine session={s} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The follow-up appointments to come, when there are any: the day, the time and the coach. */
function AppointmentsCard({ appointments }: { appointments: ApplicantPanelData["appointments"] }) {
  const { t, formatDate } = useI18n();
  if (appointments.length === 0) return null;
  return (
    <section className="card" data-appointments>
      <h2>{t("coaching.home.appointments")}</h2>
      <ul>
        {appointments.map((a) => (
          <li key={a.id}>
            {t("coaching.home.appointmentWith", { date: formatDate(a.startsAt, true), name: a.coachName })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The trainings the applicant registered for, and where to find more. */
function TrainingsCard({ trainings }: { trainings: ApplicantPanelData["trainings"] }) {
  const { t } = useI18n();
  return (
    <section className="card">
      <h2>{t("coaching.home.trainings")}</h2>
      {trainings.length === 0 ? <p>{t("coaching.home.noTrainings")}</p> : null}
      <ul>
        {trainings.map((r) => (
          <li key={r.registrationId}>
            <Link to={`/trainings/${r.trainingId}`}>
              <LocalizedText row={r} field="title" />
            </Link>{" "}
            · {t(`trainings.status.${r.status}`)}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/trainings">{t("coaching.home.browseTrainings")}</Link>
      </p>
    </section>
  );
}

/** The applicant's home: appointments to come, next steps, trainings, certificates, internship, coach. */
export function ApplicantPanel({ data }: { data: ApplicantPanelData }) {
  const { t, formatDate } = useI18n();
  const certificates = data.trainings.filter((r) => r.certificateId);
  return (
    <div className="applicant-panel">
      <AppointmentsCard appointments={data.appointments} />
      <SessionsCard sessions={data.sessions} />
      <section className="card">
        <h2>{t("coaching.home.nextSteps")}</h2>
        {data.actions.length === 0 ? <p>{t("coaching.noNextSteps")}</p> : null}
        <ul>
          {data.actions.map((a) => (
            <li key={a.id}>
              {/* typed by the coach, often in French: its own direction inside an Arabic line */}
              <bdi>{a.description}</bdi> · {t("coaching.due", { date: formatDate(a.dueOn) })}
            </li>
          ))}
        </ul>
      </section>
      <TrainingsCard trainings={data.trainings} />
      <section className="card">
        <h2>{t("coaching.home.certificates")}</h2>
        {certificates.length === 0 ? <p>{t("coaching.home.noCertificates")}</p> : null}
        <ul>
          {certificates.map((r) => (
            <li key={r.registrationId}>
              <a href={`/trainings/certificates/${r.certificateId}.pdf`}>
                <LocalizedText row={r} field="title" />
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>{t("coaching.home.internship")}</h2>
        {data.placement ? (
          <p>
            <bdi>{data.placement.hostName}</bdi> · {t(`internships.status.${data.placement.status}`)} ·{" "}
            <bdi>
              {formatDate(data.placement.startsOn)} – {formatDate(data.placement.endsOn)}
            </bdi>
          </p>
        ) : (
          <p>{t("coaching.home.noInternship")}</p>
        )}
        <p>
          <Link to="/internships">{t("coaching.home.browseOffers")}</Link>
        </p>
      </section>
      <section className="card">
        <h2>{t("coaching.cv.title")}</h2>
        <p>
          <a href={`/cv/${data.userId}.pdf`}>{t("coaching.cv.download")}</a>
        </p>
      </section>
      <section className="card">
        <h2>{t("coaching.home.coach")}</h2>
        {data.coach ? (
          <p>
            <bdi>{data.coach.displayName}</bdi> <bdi dir="ltr">{data.coach.phone ?? data.coach.email ?? ""}</bdi>
          </p>
        ) : (
          <p>{t("coaching.home.noCoach")}</p>
        )}
      </section>
    </div>
  );
}

/** A badge of something due on a caseload row, marked for tests by its data attribute. */
function DueBadge({ when, data, label }: { when: boolean; data: `data-${string}`; label: MessageKey }) {
  const { t } = useI18n();
  if (!when) return null;
  return (
    <>
      {" "}
      <span className="badge badge-overdue" {...{ [data]: "true" }}>
        {t(label)}
      </span>
    </>
  );
}
