/**
 * What a participant is told about her place in a cohort and its sessions: a seat, the
 * waiting list, a seat freed for her, a session moved. Each message goes in the caller's
 * transaction, in the recipient's language, with the training's title in that language.
 */
import { eq } from "drizzle-orm";
import type { Executor } from "~db/client";
import { trainingCohorts, trainings } from "~db/schema";
import type { Locale } from "~/i18n/config";
import { serverT } from "~/i18n/dictionaries.server";
import { type LocalizedText, type Trilingual } from "~/lib/localized";
import { localizedText } from "~/lib/localized.server";
import { notify } from "~/modules/notifications/service.server";
import { whenParams } from "~/modules/notifications/rules";

export type PlaceNotice = "notify.trainingSeat" | "notify.trainingWaiting" | "notify.trainingPromoted";

/** The training a cohort belongs to: its id and title in three languages. */
export async function trainingOfCohort(tx: Executor, cohortId: string) {
  const [info] = await tx
    .select({
      trainingId: trainings.id,
      titleFr: trainings.titleFr,
      titleAr: trainings.titleAr,
      titleEn: trainings.titleEn,
    })
    .from(trainingCohorts)
    .innerJoin(trainings, eq(trainings.id, trainingCohorts.trainingId))
    .where(eq(trainingCohorts.id, cohortId));
  return info ?? null;
}

/** A seat, the waiting list, or a seat freed for her: by SMS (unless turned off) and e-mail. */
export async function tellPlace(tx: Executor, input: { userId: string; cohortId: string; kind: PlaceNotice }) {
  const info = await trainingOfCohort(tx, input.cohortId);
  if (!info) return;
  await notify(tx, {
    userId: input.userId,
    kind: input.kind,
    params: { training: localizedText(info, "title") },
    link: `/trainings/${info.trainingId}`,
    channels: ["sms", "email"],
  });
}

/** Where a session takes place, in each language: its place (French when untranslated), or "online". */
export function placeText(session: Trilingual<"place"> & { onlineLink: string | null }): LocalizedText {
  if (session.placeFr) return localizedText(session, "place");
  const online = (locale: Locale) => serverT(locale)("notify.placeOnline");
  return { fr: online("fr"), ar: online("ar"), en: online("en") };
}

/** A session at a new time or place: each participant holding a seat is told the new date, time and place. */
export async function tellSessionMoved(
  tx: Executor,
  input: {
    cohortId: string;
    userIds: readonly string[];
    startsAt: Date;
    place: Trilingual<"place"> & { onlineLink: string | null };
    actorId: string;
  },
) {
  const info = await trainingOfCohort(tx, input.cohortId);
  if (!info) return;
  const params = {
    training: localizedText(info, "title"),
    place: placeText(input.place),
    ...whenParams(input.startsAt),
  };
  for (const userId of input.userIds) {
    await notify(tx, {
      userId,
      kind: "notify.trainingSessionMoved",
      params,
      link: `/trainings/${info.trainingId}`,
      channels: ["sms", "email"],
      actorId: input.actorId,
    });
  }
}
