import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";

export type SessionWhere = {
  startsAt: string;
  placeFr: string | null;
  placeAr: string | null;
  placeEn: string | null;
  onlineLink: string | null;
};

/** When and where a session is, as a participant reads it: the day and time, then the place or the online link. */
export function SessionLine({ session: s }: { session: SessionWhere }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <time dateTime={s.startsAt}>{formatDate(s.startsAt, true)}</time> ·{" "}
      {/* French is required of a place; the home sends the reader's language only (inOneLanguage) */}
      {s.placeFr || s.placeAr || s.placeEn ? (
        <bdi>
          <LocalizedText row={s} field="place" />
        </bdi>
      ) : s.onlineLink ? (
        <bdi dir="ltr">{s.onlineLink}</bdi>
      ) : (
        t("trainings.placeToCome")
      )}
    </>
  );
}
