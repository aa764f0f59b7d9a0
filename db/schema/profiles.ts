import { sql } from "drizzle-orm";
import { check, index, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { cityEnum } from "./code-lists";

import { sexEnum } from "./common";
import { id, instant, stamp, day, ref } from "./columns";
import { REGIONS } from "../../app/modules/profiles/rules";
export const residentStatusEnum = pgEnum("resident_status", ["migrant", "moroccan"]);
/** withdrawn: the person took the request back before it was done */
export const deletionRequestStatusEnum = pgEnum("deletion_request_status", ["pending", "done", "refused", "withdrawn"]);

export type Education = { level?: string; field?: string; diploma?: string; country?: string };
export type Experience = { role: string; sector: string; years: number; country: string };

/**
 * The applicant's own profile: who they are, what they learnt and did, what they
 * seek. Protection data (legal status, vulnerability, case notes) never lives here.
 */
export const profiles = pgTable(
  "profiles",
  {
    userId: ref(() => users.id, { onDelete: "cascade" }).primaryKey(),
    givenName: text(),
    familyName: text(),
    givenNameAr: text(),
    familyNameAr: text(),
    sex: sexEnum(),
    birthDate: day(),
    /** ISO 3166-1 alpha-2 */
    nationality: text(),
    languagesSpoken: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    languagesRead: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** a town of the towns list (decision 0157-profile-town-from-list) */
    city: cityEnum(),
    region: text(),
    residentStatus: residentStatusEnum(),
    heardFrom: text(),
    education: jsonb().$type<Education>().notNull().default({}),
    experience: jsonb().$type<Experience[]>().notNull().default([]),
    skills: text(),
    seeks: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedAt: stamp(),
  },
  (t) => [
    check("profiles_nationality_check", sql`${t.nationality} ~ '^[A-Z]{2}$'`),
    // a code of the one region list (migration 0055 maps what else was stored)
    check("profiles_region_check", sql`${t.region} in (${sql.raw(REGIONS.map((r) => `'${r}'`).join(", "))})`),
  ],
);

/** An applicant's request that the programme erase their data; admins handle them. */
export const deletionRequests = pgTable(
  "deletion_requests",
  {
    id: id(),
    userId: ref(() => users.id, { onDelete: "cascade" }).notNull(),
    reason: text(),
    status: deletionRequestStatusEnum().notNull().default("pending"),
    createdAt: stamp(),
    handledAt: instant(),
  },
  (t) => [
    index("deletion_requests_status_idx").on(t.status, t.createdAt),
    // one open request per person, however often the button is pressed
    uniqueIndex("deletion_requests_pending_key")
      .on(t.userId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export type Profile = typeof profiles.$inferSelect;
export type NewProfile = typeof profiles.$inferInsert;
export type DeletionRequest = typeof deletionRequests.$inferSelect;
