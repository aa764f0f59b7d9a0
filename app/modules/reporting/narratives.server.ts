/** The quarterly report's narratives and its issued versions: reads. */
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "~db/client";
import { reportIssues, reportNarratives, users } from "~db/schema";
import type { Locale } from "~/i18n/config";
import { RESULTS, type ResultKey } from "./frameworks";
import type { NarrativeTexts } from "./rules";

function isResult(value: string): value is ResultKey {
  return (RESULTS as readonly string[]).includes(value);
}

/** What the admin wrote about each result of a quarter, in one language. */
export async function getNarrative(
  db: Executor,
  quarter: string,
  locale: Locale,
): Promise<Map<ResultKey, NarrativeTexts>> {
  const rows = await db
    .select()
    .from(reportNarratives)
    .where(and(eq(reportNarratives.quarter, quarter), eq(reportNarratives.locale, locale)));
  const texts = new Map<ResultKey, NarrativeTexts>();
  for (const r of rows)
    if (isResult(r.result))
      texts.set(r.result, { achievements: r.achievements, challenges: r.challenges, nextSteps: r.nextSteps });
  return texts;
}

/** The issued versions (newest first), of one quarter or of all, with who issued them: never their bytes. */
export async function listIssues(db: Executor, quarter?: string) {
  return db
    .select({
      id: reportIssues.id,
      quarter: reportIssues.quarter,
      locale: reportIssues.locale,
      version: reportIssues.version,
      issuedAt: reportIssues.issuedAt,
      issuedBy: users.displayName,
    })
    .from(reportIssues)
    .innerJoin(users, eq(users.id, reportIssues.issuedById))
    .where(quarter ? eq(reportIssues.quarter, quarter) : undefined)
    .orderBy(desc(reportIssues.quarter), reportIssues.locale, desc(reportIssues.version));
}

/** One issued version's stored bytes, or null. */
export async function getIssue(db: Executor, issueId: string) {
  const [row] = await db
    .select({
      quarter: reportIssues.quarter,
      locale: reportIssues.locale,
      version: reportIssues.version,
      pdf: reportIssues.pdf,
    })
    .from(reportIssues)
    .where(eq(reportIssues.id, issueId));
  return row ?? null;
}
