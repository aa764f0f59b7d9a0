/**
 * Issuing the quarterly report: the donor's figures of the quarter as they are now, the
 * narrative the admin wrote in the report's language, rendered once and stored as the
 * next version. Downloads serve the stored bytes, never a new render
 * (docs/decisions/0105-issued-reports-are-stored-bytes.md).
 */
import type { Executor } from "~db/client";
import type { SessionUser } from "~/modules/auth/session.server";
import { fail, type Meta, type Result } from "~/lib/result";
import { renderPdf } from "~/pdf/kit.server";
import { cachedReport } from "./cache.server";
import { RESULTS } from "./frameworks";
import { getNarrative } from "./narratives.server";
import { QuarterlyReportPdf } from "./quarterly-pdf.server";
import { missingNarratives, quarterPeriod } from "./rules";
import type { IssueReportInput } from "./schemas.server";
import { issueReport } from "./service.server";

export async function issueQuarterlyReport(
  db: Executor,
  actor: SessionUser,
  input: IssueReportInput,
  meta: Meta,
): Promise<Result<{ id: string; version: number }>> {
  const period = quarterPeriod(input.quarter);
  if (!period) return fail(400, { quarter: "errors.invalid" });
  const narrative = await getNarrative(db, input.quarter, input.locale);
  if (missingNarratives(RESULTS, narrative).length) return fail(400, { form: "reporting.errors.narrativeMissing" });
  // the document that goes to the donor: the donor's figures, hidden as the donor sees them
  const report = await cachedReport(db, {
    audience: "donor",
    filter: { ...period, organisationId: null },
    framework: "snia",
  });
  return issueReport(
    db,
    actor,
    input,
    (version, issuedAt) =>
      renderPdf(
        <QuarterlyReportPdf
          report={report}
          locale={input.locale}
          quarter={input.quarter}
          generatedAt={issuedAt}
          narrative={narrative}
          issue={{ version, issuedAt, issuedBy: actor.displayName }}
        />,
      ),
    meta,
  );
}
