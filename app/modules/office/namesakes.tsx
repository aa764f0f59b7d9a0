/**
 * The office's earlier registrations of a name being registered again: shown above the
 * form (kept filled in) before a second account is made for what may be the same person
 * (decision 0176-office-namesakes).
 */
import { Link } from "~/components/link";
import { useEffect, useRef } from "react";
import { WarningText } from "~/components/confirm-step";
import { useI18n } from "~/i18n/i18n-context";

export type ShownNamesake = { id: string; name: string; loginId: string | null; registeredAt: string };

export function NamesakesWarning({ namesakes }: { namesakes: ShownNamesake[] }) {
  const { t, formatDate } = useI18n();
  const ref = useRef<HTMLElement>(null);
  // the answer is read where it is, as the error summary's is: the browser focuses it on
  // the page that brings it (`autofocus`, scripts or not), and the app's scripts when they run
  useEffect(() => ref.current?.focus(), [namesakes]);
  return (
    <section
      ref={ref}
      className="namesakes"
      aria-labelledby="namesakes-title"
      data-testid="namesakes"
      tabIndex={-1}
      // a region shown after a post, not a field: focus goes where the answer is
      // eslint-disable-next-line jsx-a11y/no-autofocus
      autoFocus
    >
      <h2 id="namesakes-title">{t("office.namesakes.heading")}</h2>
      <WarningText>{t("office.namesakes.body")}</WarningText>
      <ul>
        {namesakes.map((n) => (
          <li key={n.id}>
            <Link to={`/office/people/${n.id}`} aria-label={t("office.namesakes.open", { name: n.name })}>
              <bdi>{n.name}</bdi>
            </Link>
            {n.loginId ? (
              <>
                {" · "}
                <bdi dir="ltr">{n.loginId}</bdi>
              </>
            ) : null}
            {" · "}
            {t("office.namesakes.registeredOn", { date: formatDate(n.registeredAt) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
