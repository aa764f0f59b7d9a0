import type { LoaderFunctionArgs } from "@remix-run/node";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { requirePermission } from "~/modules/auth/guards.server";

const HOLDS: MessageKey[] = [
  "profiles.export.holds.account",
  "profiles.export.holds.profile",
  "profiles.export.holds.plans",
  "profiles.export.holds.applications",
  "profiles.export.holds.acts",
  "profiles.export.holds.notifications",
];
const LEAVES_OUT: MessageKey[] = [
  "profiles.export.not.password",
  "profiles.export.not.reviews",
  "profiles.export.not.protection",
];

export function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "profile:manage-own");
  return null;
}

/**
 * What the download of one's data holds and what it leaves out, before the file
 * (/profile/export.json): the protection records and their link to the account are
 * never in it (decisions 0135 and 0153).
 */
export default function ExportPage() {
  const { t } = useI18n();
  return (
    <div className="narrow">
      <PageTitle>{t("profiles.export.title")}</PageTitle>
      <p>{t("profiles.export.intro")}</p>
      <ul data-testid="export-holds">
        {HOLDS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p>{t("profiles.export.without")}</p>
      <ul data-testid="export-leaves-out">
        {LEAVES_OUT.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p>
        <a className="button" href="/profile/export.json" download>
          {t("profiles.export.download")}
        </a>
      </p>
      <p className="hint">{t("profiles.export.audited")}</p>
    </div>
  );
}
