import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "./auth";
import { id, instant, stamp, ref } from "./columns";
import { ACT_KINDS, NOTICE_LANGUAGES } from "../../app/modules/office/constants";

export const actKindEnum = pgEnum("act_kind", ACT_KINDS);

/**
 * A person registered in the office by a case worker or a coach: who registered them,
 * for which association, and the data-protection notice read aloud (by whom, in which
 * language, when). The account itself is a users row (role applicant).
 */
export const officeRegistrations = pgTable(
  "office_registrations",
  {
    userId: ref(() => users.id, { onDelete: "cascade" }).primaryKey(),
    registeredById: ref(() => users.id).notNull(),
    /** the staff member's organisation when they registered the person: who may act for them */
    organisationId: ref(() => organisations.id).notNull(),
    noticeVersion: text().notNull(),
    noticeLanguage: text().notNull(),
    noticeReadById: ref(() => users.id).notNull(),
    noticeReadAt: instant().notNull(),
    createdAt: stamp(),
  },
  (t) => [
    index("office_registrations_org_idx").on(t.organisationId, t.createdAt),
    index("office_registrations_staff_idx").on(t.registeredById, t.createdAt),
    check(
      "office_registrations_language_check",
      sql.raw(`notice_language in (${NOTICE_LANGUAGES.map((l) => `'${l}'`).join(", ")})`),
    ),
  ],
);

/**
 * What a member of staff did for a person, with the person's agreement: the person reads
 * these on their home page ("registered for … by …"). `entityId` is the record made (a
 * training registration, an internship application), null for a registration or a slip.
 */
export const actsForPeople = pgTable(
  "acts_for_people",
  {
    id: id(),
    personId: ref(() => users.id, { onDelete: "cascade" }).notNull(),
    staffId: ref(() => users.id).notNull(),
    staffOrganisationId: ref(() => organisations.id),
    kind: actKindEnum().notNull(),
    entityId: uuid(),
    /** when the person said yes, in the office (required: no act without it) */
    agreedAt: instant().notNull(),
    createdAt: stamp(),
  },
  (t) => [
    index("acts_for_people_person_idx").on(t.personId, t.createdAt),
    unique("acts_for_people_entity_key").on(t.kind, t.entityId),
    check("acts_for_people_not_self_check", sql`${t.personId} <> ${t.staffId}`),
  ],
);

export type OfficeRegistration = typeof officeRegistrations.$inferSelect;
export type ActForPerson = typeof actsForPeople.$inferSelect;
