/** What staff did for a person, one line each: on the person's home and on the staff's page of the person. */
import { useLocalizedLabel } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { Trilingual } from "~/lib/localized";
import type { ActKind } from "./constants";
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
};

export type ActLine = ActRow;

function titles(a: ActRow, of: "training" | "offer"): Trilingual<"title"> {
  return of === "training"
    ? { titleFr: a.trainingTitleFr, titleAr: a.trainingTitleAr, titleEn: a.trainingTitleEn }
    : { titleFr: a.offerTitleFr, titleAr: a.offerTitleAr, titleEn: a.offerTitleEn };
}

/** The rows of `actsFor` as the page gets them (a loader's last step). */
export function actLines(rows: readonly ActRow[]): ActLine[] {
  return [...rows];
}

export function ActsList({ acts, testId = "acts" }: { acts: readonly ActLine[]; testId?: string }) {
  const { t, formatDate } = useI18n();
  const label = useLocalizedLabel();
  // what it was about, in the reader's language: a word of the sentence, marked when it is French
  const what = (a: ActLine) =>
    a.kind === "training_registration"
      ? label(titles(a, "training"), "title")
      : a.kind === "internship_application"
        ? label(titles(a, "offer"), "title")
        : "";
  return (
    <ul className="stack" data-testid={testId}>
      {acts.map((a) => (
        <li key={a.id}>{t(actMessage(a.kind), { staff: a.staffName, what: what(a), date: formatDate(a.at) })}</li>
      ))}
    </ul>
  );
}
