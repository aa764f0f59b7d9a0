/** Values both the forms (browser) and the schemas (server) need; no zod here. */

export const MAX_CRITERIA = 8;
