import { serverT } from "~/i18n/dictionaries.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useI18n } from "~/i18n/i18n-context";
import { moroccoToday } from "~/lib/morocco-time";
import type { MessageKey } from "~/i18n/translate";
import { requireUser } from "~/modules/auth/guards.server";
import { PhoneUnconfirmed } from "~/modules/auth/ui";
import type { Role } from "~/modules/auth/roles";
import { CaseWorkerPanel } from "~/modules/protection/home-panel";
import { caseWorkerPanel } from "~/modules/protection/queries.server";
import { waitingFor } from "~/modules/protection/staff.server";
import { mayOpen } from "~/components/nav-items";
import { caseload } from "~/modules/coaching/queries.server";
import { applicantPanelShown } from "~/modules/coaching/rules";
import { ApplicantPanel as EmployabilityPanel, CaseloadPanel } from "~/modules/coaching/panels";
import { ApplicantPanel as PlansPanel } from "~/modules/profiles/home-panel";
import { applicantHomeRead } from "~/modules/profiles/applicant-home.server";
import { reportingPanel } from "~/modules/reporting/home.server";
import { countOpenCodeFlags } from "~/modules/codes/flags.server";
import { ReportingHomePanel } from "~/modules/reporting/home-panel";
import { ActsList, actLines } from "~/modules/office/acts";
import { listOf } from "~/i18n/codes";

/**
 * Each role's home. Modules add their panels here as they land; the foundation
 * gives every role its welcome and the next step it can take today.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  // a shop's account has one page: its home is the redeem page
  if (user.role === "vendor") throw redirect("/shop");
  const { db } = args.context;
  const today = moroccoToday();
  const applicant = user.role === "applicant";
  const none = Promise.resolve(null);
  // each role's panels read side by side, not one after the other
  const [caseloadRows, applicantHome, protection, reporting, caseAccessPending, codeFlags] = await Promise.all([
    user.role === "coach" ? caseload(db, user.id, today) : none,
    // her profile, plans, trainings, placement, coaching lists and acts: one statement
    applicant ? applicantHomeRead(db, user.id) : none,
    user.role === "case_worker" && !user.caseAccessPending ? caseWorkerPanel(db, user) : none,
    reportingPanel(db, user),
    /** a case-worker account waiting for its supervisor: its association and who confirms it */
    user.caseAccessPending ? waitingFor(db, user.id) : none,
    user.role === "admin" ? countOpenCodeFlags(db) : 0,
  ]);
  return {
    role: user.role,
    displayName: user.displayName,
    caseload: caseloadRows,
    plans: applicantHome?.plans ?? null,
    // her trainings and lists in the page's language, the fields the panel shows
    employability: applicantHome ? applicantPanelShown(applicantHome.employability, args.context.locale) : null,
    // what staff did for the person in an office, and who (issue 15)
    doneForMe: applicantHome
      ? actLines(applicantHome.acts, args.context.locale, serverT(args.context.locale)("content.inFrench"))
      : null,
    protection,
    reporting,
    // read with the session: an applicant's phone not confirmed yet (applying needs it)
    phoneUnconfirmed: applicant && user.phoneUnconfirmed,
    caseAccessPending,
    links: LINKS[user.role].filter((link) => mayOpen(user, link.to)),
    codeFlags,
  };
}

const INTRO: Record<Role, MessageKey> = {
  applicant: "home.applicant.intro",
  coach: "home.coach.intro",
  committee_member: "home.committee_member.intro",
  case_worker: "home.case_worker.intro",
  admin: "home.admin.intro",
  donor_viewer: "home.donor_viewer.intro",
  focal_point: "home.focal_point.intro",
  vendor: "home.vendor.intro",
};

const LINKS: Record<Role, { to: string; label: MessageKey }[]> = {
  applicant: [
    { to: "/account", label: "nav.account" },
    { to: "/grants", label: "grants.nav.apply" },
  ],
  coach: [
    { to: "/office", label: "office.nav" },
    { to: "/imports", label: "imports.nav" },
    { to: "/notifications", label: "nav.notifications" },
    { to: "/grants/tranches", label: "grants.nav.tranches" },
  ],
  committee_member: [
    { to: "/notifications", label: "nav.notifications" },
    { to: "/grants/reviews", label: "grants.nav.reviews" },
  ],
  case_worker: [
    { to: "/notifications", label: "nav.notifications" },
    { to: "/protection", label: "protection.nav" },
    { to: "/imports", label: "imports.nav" },
    { to: "/office", label: "office.nav" },
    { to: "/aid", label: "aid.nav" },
  ],
  admin: [
    { to: "/admin/users", label: "nav.users" },
    { to: "/admin/organisations", label: "nav.organisations" },
    { to: "/admin/outbox", label: "nav.outbox" },
    { to: "/admin/audit", label: "nav.audit" },
    { to: "/grants/calls", label: "grants.nav.calls" },
    { to: "/admin/programme", label: "aid.programme.nav" },
    { to: "/imports", label: "imports.nav" },
  ],
  donor_viewer: [{ to: "/notifications", label: "nav.notifications" }],
  focal_point: [{ to: "/notifications", label: "nav.notifications" }],
  vendor: [{ to: "/shop", label: "aid.shop.nav" }],
};

export default function Home() {
  const {
    role,
    displayName,
    caseload: caseloadRows,
    plans,
    employability,
    doneForMe,
    protection,
    reporting,
    phoneUnconfirmed,
    caseAccessPending,
    links,
    codeFlags,
  } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div data-home={role}>
      <h1 className="page-title">{t("home.greeting", { name: displayName })}</h1>
      <p className="lead">{t(INTRO[role])}</p>
      {phoneUnconfirmed ? <PhoneUnconfirmed /> : null}
      {caseAccessPending ? (
        <div className="alert" role="status" data-testid="case-access-pending">
          <p>{t("protection.staff.pendingNotice", { association: `\u2068${caseAccessPending.association}\u2069` })}</p>
          <p>
            {caseAccessPending.supervisors.length
              ? t("protection.staff.pendingWho", {
                  names: listOf(
                    t,
                    caseAccessPending.supervisors.map((n) => `\u2068${n}\u2069`),
                  ),
                })
              : t("protection.staff.pendingNoSupervisor")}
          </p>
        </div>
      ) : null}
      {codeFlags > 0 ? (
        <p className="alert" role="status" data-testid="code-flags">
          <Link to="/admin/codes">{t("codes.flags.home", { count: codeFlags })}</Link>
        </p>
      ) : null}
      {plans ? <PlansPanel home={plans} /> : null}
      {employability ? <EmployabilityPanel data={employability} /> : null}
      {doneForMe?.length ? (
        <section aria-labelledby="done-for-me">
          <h2 id="done-for-me">{t("office.acts.heading")}</h2>
          <ActsList acts={doneForMe} testId="done-for-me" />
        </section>
      ) : null}
      {caseloadRows ? <CaseloadPanel rows={caseloadRows} /> : null}
      {protection ? <CaseWorkerPanel panel={protection} /> : null}
      <ul className="cards">
        {links.map((link) => (
          <li key={link.to} className="card">
            <Link to={link.to}>{t(link.label)}</Link>
          </li>
        ))}
      </ul>
      {reporting ? <ReportingHomePanel reached={reporting.reached} /> : null}
    </div>
  );
}
