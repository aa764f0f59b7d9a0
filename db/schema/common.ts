import { pgEnum } from "drizzle-orm/pg-core";

/** Shared by profiles and protection case files, so indicators disaggregate both alike. */
export const sexEnum = pgEnum("sex", ["female", "male", "other"]);
