import { z } from "~/lib/forms.server";
import { dateField, idField, residentStatusField, sexField } from "~/lib/fields.server";
import { LOCALES } from "~/i18n/config";
import { normalizeEmail, normalizePhone } from "~/modules/auth/rules";
import { isCountry } from "~/modules/profiles/rules";
import { DECISION_CHANNELS, NOTICE_LANGUAGES, RECEIPT_CHANGE_REASONS } from "./constants";

const name = z.string().trim().min(1, "errors.required").max(120, "errors.tooLong");
/** The person said yes, in the office, to what is done for them: a box staff tick. */
const agreed = z.literal("on", { message: "office.errors.agreement" });

/**
 * A person registered in the office: the name they give, phone and e-mail only if they
 * have them, the language the portal speaks to them in, and the data-protection notice
 * read aloud to them (in which language; the box says it was read and accepted).
 */
export const RegisterPersonSchema = z
  .object({
    givenName: name,
    familyName: name,
    sex: sexField().optional(),
    nationality: z.string().refine(isCountry, "profiles.errors.country").optional(),
    residentStatus: residentStatusField().optional(),
    phone: z.string().max(40).optional(),
    email: z.string().max(254).optional(),
    locale: z.enum(LOCALES).default("fr"),
    noticeLanguage: z.enum(NOTICE_LANGUAGES, { message: "office.errors.noticeLanguage" }),
    noticeRead: z.literal("on", { message: "office.errors.noticeRead" }),
  })
  .superRefine((value, ctx) => {
    if (value.phone && !normalizePhone(value.phone))
      ctx.addIssue({ code: "custom", path: ["phone"], message: "errors.phone.invalid" });
    if (value.email && !normalizeEmail(value.email))
      ctx.addIssue({ code: "custom", path: ["email"], message: "errors.email.invalid" });
  })
  .transform((value) => ({
    ...value,
    phone: value.phone ? normalizePhone(value.phone) : null,
    email: value.email ? normalizeEmail(value.email) : null,
  }));
export type RegisterPersonInput = z.infer<typeof RegisterPersonSchema>;

/** The slip's language; `replaces`, on the confirmed "replace the code" step, the code it was shown. */
export const SlipSchema = z.object({
  locale: z.enum(LOCALES).default("fr"),
  confirm: z.literal("replaceSlip").optional(),
  replaces: z.uuid().optional(),
});

export const EnrolSchema = z.object({ cohortId: idField(), agreed });
export const ApplyForSchema = z.object({ offerId: idField(), agreed });
/** A grant application for the person: an open call, one of the person's complete plans, and their yes. */
export const ApplyGrantForSchema = z.object({ callId: idField(), planId: idField("office.errors.plan"), agreed });
/** The day the person received a published decision, and how (staff record it; no agreement asked). */
export const DecisionReceivedSchema = z.object({
  applicationId: idField(),
  receivedOn: dateField("errors.invalid"),
  how: z.enum(DECISION_CHANNELS, { message: "office.errors.how" }),
});

/**
 * Correct (the day, how) or undo a decision's receipt recorded for the person, with a
 * reason; the button pressed says which. Undo needs no day.
 */
/** The receipt's version the form showed (receiptVersion); a form without one is stale too. */
const receiptVersionField = z.string().regex(/^[0-9a-f]{8}$/, "office.errors.receiptReload");

export const ChangeReceiptSchema = z.discriminatedUnion("change", [
  z.object({
    change: z.literal("correct"),
    applicationId: idField(),
    receivedOn: dateField("errors.invalid"),
    how: z.enum(DECISION_CHANNELS, { message: "office.errors.how" }),
    reason: z.enum(RECEIPT_CHANGE_REASONS, { message: "office.errors.receiptReason" }),
    version: receiptVersionField,
  }),
  z.object({
    change: z.literal("undo"),
    applicationId: idField(),
    reason: z.enum(RECEIPT_CHANGE_REASONS, { message: "office.errors.receiptReason" }),
    version: receiptVersionField,
  }),
]);
export type ChangeReceiptInput = z.infer<typeof ChangeReceiptSchema>;
