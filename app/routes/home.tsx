import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { requireUser } from "~/modules/auth/guards.server";
import type { Role } from "~/modules/auth/roles";
import { ApplicantPanel } from "~/modules/profiles/home-panel";
import { applicantHome } from "~/modules/profiles/queries.server";

/**
 * Each role's home. Modules add their panels here as they land; the foundation
 * gives every role its welcome and the next step it can take today.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const applicant = user.role === "applicant" ? await applicantHome(args.context.db, user.id) : null;
  return { role: user.role, displayName: user.displayName, applicant };
}

const INTRO: Record<Role, MessageKey> = {
  applicant: "home.applicant.intro",
  coach: "home.coach.intro",
  committee_member: "home.committee_member.intro",
  case_worker: "home.case_worker.intro",
  admin: "home.admin.intro",
  donor_viewer: "home.donor_viewer.intro",
};

const LINKS: Record<Role, { to: string; label: MessageKey }[]> = {
  applicant: [{ to: "/account", label: "nav.account" }],
  coach: [{ to: "/notifications", label: "nav.notifications" }],
  committee_member: [{ to: "/notifications", label: "nav.notifications" }],
  case_worker: [{ to: "/notifications", label: "nav.notifications" }],
  admin: [
    { to: "/admin/users", label: "nav.users" },
    { to: "/admin/organisations", label: "nav.organisations" },
    { to: "/admin/outbox", label: "nav.outbox" },
    { to: "/admin/audit", label: "nav.audit" },
  ],
  donor_viewer: [{ to: "/notifications", label: "nav.notifications" }],
};

export default function Home() {
  const { role, displayName, applicant } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div data-home={role}>
      <h1 className="page-title">{t("home.greeting", { name: displayName })}</h1>
      <p className="lead">{t(INTRO[role])}</p>
      {applicant ? <ApplicantPanel home={applicant} /> : null}
      <ul className="cards">
        {LINKS[role].map((link) => (
          <li key={link.to} className="card">
            <Link to={link.to}>{t(link.label)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
