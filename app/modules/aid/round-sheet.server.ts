/**
 * The people a round's paper signature sheet lists: the association's open cases that may
 * receive the round's items (the same rule as a hand-out, `ineligibility`, as on the
 * round's first day when it has not started) and have not received them yet. One read for
 * the whole list; names and the latest assessment are decrypted here. Printing names on
 * paper is a view of each case file: one audit row per case listed.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "~db/client";
import { beneficiaryCases, caseConsents, distributions, vulnerabilityAssessments } from "~db/schema";
import type { Actor } from "~/modules/auth/permissions";
import { auditMany } from "~/modules/audit/service.server";
import { decryptJson } from "~/modules/protection/crypto.server";
import { openNames, sealedNameColumns } from "~/modules/protection/identity.server";
import type { VulnerabilityData } from "~/modules/protection/rules";
import { moroccoToday } from "~/lib/morocco-time";
import type { Meta } from "~/lib/result";
import { ineligibility } from "./rules";
import type { distributionRounds } from "~db/schema";

export type SheetPerson = { reference: string; name: string; householdSize: number };

type Round = typeof distributionRounds.$inferSelect;

/** The day eligibility is judged on: today within the round's dates, else its nearest end. */
function sheetDay(round: Round, today: string): string {
  if (today < round.startsOn) return round.startsOn;
  if (today > round.endsOn) return round.endsOn;
  return today;
}

export async function roundSheetPeople(db: Database, actor: Actor, round: Round, meta: Meta): Promise<SheetPerson[]> {
  const rows = await db
    .select({
      id: beneficiaryCases.id,
      reference: beneficiaryCases.reference,
      ...sealedNameColumns,
      householdSize: beneficiaryCases.householdSize,
      status: beneficiaryCases.status,
      organisationId: beneficiaryCases.organisationId,
      consentToServices: sql<boolean>`coalesce((select ${caseConsents.services} and ${caseConsents.withdrawnAt} is null
        from ${caseConsents} where ${caseConsents.caseId} = ${beneficiaryCases}.id
        order by ${caseConsents.givenAt} desc limit 1), false)`,
      assessmentEnc: sql<string | null>`(select ${vulnerabilityAssessments.dataEnc} from ${vulnerabilityAssessments}
        where ${vulnerabilityAssessments.caseId} = ${beneficiaryCases}.id
        order by ${vulnerabilityAssessments.createdAt} desc limit 1)`,
    })
    .from(beneficiaryCases)
    .where(
      and(
        eq(beneficiaryCases.organisationId, round.organisationId),
        eq(beneficiaryCases.status, "open"),
        isNull(beneficiaryCases.anonymisedAt),
        sql`not exists (select 1 from ${distributions} where ${distributions.roundId} = ${round.id}
          and ${distributions.caseId} = ${beneficiaryCases}.id and ${distributions.correctedAt} is null)`,
      ),
    )
    .orderBy(asc(beneficiaryCases.reference));
  // (the subqueries name the case's table by hand: in a select list without joins drizzle
  // writes columns bare, and "id" would be the subquery's own table's)
  const today = sheetDay(round, moroccoToday());
  const listed = rows.filter((row) => {
    const vulnerabilities =
      round.eligibilityVulnerability && row.assessmentEnc
        ? (decryptJson<VulnerabilityData>(row.assessmentEnc).flags ?? [])
        : [];
    return (
      ineligibility({
        round,
        beneficiary: { ...row, anonymised: false, vulnerabilities },
        today,
      }) === null
    );
  });
  await auditMany(
    db,
    { actor, action: "protection.case.sheet", entityType: "beneficiary_case", ip: meta.ip },
    listed.map((row) => row.id),
  );
  return listed.map((row) => {
    const names = openNames(row);
    const latin = `${names.firstName} ${names.lastName}`.trim();
    return {
      reference: row.reference,
      // both scripts when the file has both, one under the other
      name: [latin, names.nameArabic ?? ""].filter(Boolean).join("\n"),
      householdSize: row.householdSize,
    };
  });
}
