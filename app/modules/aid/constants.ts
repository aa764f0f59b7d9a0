/** Values both the forms (browser) and the schemas (server and database) need; no zod here. */

export const ITEM_KINDS = ["food_kit", "hygiene_kit", "nfi_kit", "blanket", "clothing", "baby_kit", "voucher"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
