import type { Executor } from "../../db/client";
import { feedbackItems, type FeedbackItem, type NewFeedbackItem } from "../../db/schema";
import { dueAt, isConfidential, newReference } from "../../app/modules/feedback/rules";
import { randomInt } from "node:crypto";

/** A message as the form would leave it (received now, ordinary complaint), with any field overridden. */
export async function makeFeedback(db: Executor, overrides: Partial<NewFeedbackItem> = {}): Promise<FeedbackItem> {
  const category = overrides.category ?? "complaint";
  const receivedAt = overrides.receivedAt ?? new Date();
  const [row] = await db
    .insert(feedbackItems)
    .values({
      reference: newReference(randomInt),
      category,
      confidential: isConfidential(category),
      locale: "fr",
      message: "Le bon n'a pas été accepté.",
      receivedAt,
      dueAt: dueAt(receivedAt),
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("feedback not created");
  return row;
}
