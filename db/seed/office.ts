/**
 * A person registered in the office by association A's case worker, with no phone and no
 * e-mail (issue 15): staff-managed until they take the account over with a slip.
 * Idempotent: found by the sign-in identifier.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { actsForPeople, officeRegistrations, privacyAcceptances, profiles, users } from "../schema";
import { PRIVACY_NOTICE_VERSION } from "../../app/modules/auth/constants";
import type { FoundationSeed } from "./foundation";

/** Printed "DEMA-7NAP"; the demo has no live code: a case worker prints a slip to make one. */
export const DEMO_OFFICE_LOGIN_ID = "DEMA7NAP";

export async function seedOffice(db: Database, foundation: FoundationSeed) {
  const [found] = await db.select({ id: users.id }).from(users).where(eq(users.loginId, DEMO_OFFICE_LOGIN_ID));
  if (found) return { personId: found.id };
  const staff = foundation.accounts.caseworker;
  return db.transaction(async (tx) => {
    const [person] = await tx
      .insert(users)
      .values({ displayName: "Mariama Camara", loginId: DEMO_OFFICE_LOGIN_ID, role: "applicant", locale: "fr" })
      .returning({ id: users.id });
    const personId = person!.id;
    await tx.insert(profiles).values({
      userId: personId,
      givenName: "Mariama",
      familyName: "Camara",
      nationality: "GN",
      residentStatus: "migrant",
    });
    await tx.insert(officeRegistrations).values({
      userId: personId,
      registeredById: staff.id,
      organisationId: staff.organisationId!,
      noticeVersion: PRIVACY_NOTICE_VERSION,
      noticeLanguage: "sus",
      noticeReadById: staff.id,
      noticeReadAt: new Date(),
    });
    await tx
      .insert(privacyAcceptances)
      .values({ userId: personId, noticeVersion: PRIVACY_NOTICE_VERSION, locale: "fr" });
    await tx.insert(actsForPeople).values({
      personId,
      staffId: staff.id,
      staffOrganisationId: staff.organisationId,
      kind: "registration",
      agreedAt: new Date(),
    });
    return { personId };
  });
}
