/** What staff did for a person, one line each: on the person's home and on the staff's page of the person. */
import type { Locale } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import { localizedLabel } from "~/lib/localized";
import { DECISION_CHANNELS, type ActKind, type DecisionChannel } from "./constants";
import { actMessage } from "./rules";

type ActRow = {
  id: string;
  kind: ActKind;
  at: Date;
  staffName: string;
  trainingTitleFr: string | null;
  trainingTitleAr: string | null;
  trainingTitleEn: string | null;
  offerTitleFr: string | null;
  offerTitleAr: string | null;
  offerTitleEn: string | null;
  callTitleFr: string | null;
  callTitleAr: string | null;
  callTitleEn: string | null;
  receivedOn: string | null;
  receivedHow: string | null;
};

export type ActLine = {
  id: string;
  kind: ActKind;
  at: Date;
  staffName: string;
  what: string;
  /** a decision received: the day, and how (in person, by phone) */
  receivedOn: string | null;
  receivedHow: DecisionChannel | null;
};

const isChannel = (v: string | null): v is DecisionChannel => DECISION_CHANNELS.some((c) => c === v);

/**
 * The rows of `actsFor`, each with what it was about in the reader's language (a loader's
 * last step): a word of a sentence, so an untranslated title is followed by `inFrench`.
 */
export function actLines(rows: readonly ActRow[], locale: Locale, inFrench: string): ActLine[] {
  const title = (r: ActRow, of: "trainingTitle" | "offerTitle" | "callTitle") =>
    localizedLabel(r, of, locale, inFrench);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    at: r.at,
    staffName: r.staffName,
    what:
      r.kind === "training_registration"
        ? title(r, "trainingTitle")
        : r.kind === "internship_application"
          ? title(r, "offerTitle")
          : r.kind === "grant_application" || r.kind === "decision_received"
            ? title(r, "callTitle")
            : "",
    receivedOn: r.receivedOn,
    receivedHow: isChannel(r.receivedHow) ? r.receivedHow : null,
  }));
}

export function ActsList({ acts, testId = "acts" }: { acts: readonly ActLine[]; testId?: string }) {
  const { t, formatDate } = useI18n();
  return (
    <ul className="stack" data-testid={testId}>
      {acts.map((a) => (
        <li key={a.id}>
          {t(actMessage(a.kind), {
            staff: a.staffName,
            what: a.what,
            date: formatDate(a.at),
            received: a.receivedOn ? formatDate(a.receivedOn) : "",
            how: a.receivedHow ? t(`office.received.how.${a.receivedHow}`) : "",
          })}
        </li>
      ))}
    </ul>
  );
}
