import { z } from "~/lib/forms.server";
import { normalizePhone } from "~/modules/auth/rules";
import { CONFIDENTIAL_CATEGORIES, FEEDBACK_CATEGORIES, FEEDBACK_NAME_MAX, FEEDBACK_TEXT_MAX } from "./constants";

/** The footer's form: what, the message, and a way back only if the person wants one. */
export const SendFeedbackSchema = z.object({
  category: z.enum(FEEDBACK_CATEGORIES, { message: "feedback.errors.category" }),
  message: z
    .string({ message: "feedback.errors.message" })
    .trim()
    .min(1, "feedback.errors.message")
    .max(FEEDBACK_TEXT_MAX, "feedback.errors.tooLong"),
  contactName: z.string().trim().max(FEEDBACK_NAME_MAX, "feedback.errors.nameTooLong").optional(),
  contactPhone: z
    .string()
    .trim()
    .max(40, "errors.phone.invalid")
    .refine((v) => normalizePhone(v) !== null, { message: "errors.phone.invalid" })
    .transform((v) => normalizePhone(v) ?? v)
    .optional(),
});
export type SendFeedbackInput = z.infer<typeof SendFeedbackSchema>;

export const FollowSchema = z.object({
  reference: z.string({ message: "feedback.errors.reference" }).trim().max(40, "feedback.errors.reference"),
});

export const AssignSchema = z.object({ assigneeId: z.uuid({ message: "feedback.errors.assignee" }) });

export const AnswerSchema = z.object({
  answer: z
    .string({ message: "feedback.errors.answer" })
    .trim()
    .min(1, "feedback.errors.answer")
    .max(FEEDBACK_TEXT_MAX, "feedback.errors.tooLong"),
});
export type AnswerInput = z.infer<typeof AnswerSchema>;

/** An admin who hands a complaint to the focal point says which of the two it is about. */
export const ReferSchema = z.object({
  category: z.enum(CONFIDENTIAL_CATEGORIES, { message: "feedback.errors.category" }),
});
