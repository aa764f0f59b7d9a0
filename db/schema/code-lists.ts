/*
 * Code lists (app/i18n/codes.ts) as the database holds them: a value outside its list
 * cannot be written, whatever the road. In a file of their own so that any schema file
 * can use them (codes.ts depends on auth.ts, whose organisations have a town).
 */
import { pgEnum } from "drizzle-orm/pg-core";
import { CODE_LISTS } from "../../app/i18n/codes";

export const sectorEnum = pgEnum("sector", CODE_LISTS.sector.values);
export const cityEnum = pgEnum("city", CODE_LISTS.city.values);
export const languageEnum = pgEnum("language", CODE_LISTS.language.values);
