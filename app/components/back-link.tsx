import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { direction } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";

/**
 * A link back to the page above, its arrow pointing the way the page reads (← in
 * French and English, → in Arabic), its text isolated so a French title in an Arabic
 * page keeps its order.
 */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <Link to={to} className="back-link">
      <span aria-hidden="true">{direction(locale) === "rtl" ? "→" : "←"}</span> <bdi>{children}</bdi>
    </Link>
  );
}
