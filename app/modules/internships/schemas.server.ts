import { z } from "~/lib/forms.server";
import { query } from "~/lib/params.server";
import { CODE_LISTS } from "~/i18n/codes";
import { PLACEMENT_STATUSES } from "./constants";
import { AGREEMENT_STATUSES, CONTACT_KINDS, EMPLOYMENT_STATUSES } from "./constants";
import { codeField, codesField, dateField, idField, moneyField } from "~/lib/fields.server";
export { AGREEMENT_STATUSES, CONTACT_KINDS, EMPLOYMENT_STATUSES } from "./constants";

const isoDate = dateField();
/** Dirhams as typed ("1500", "1 500,50"), kept as centimes. */
const dirhams = moneyField("internships.errors.amount");

export const CreateHostSchema = z.object({
  name: z.string().trim().min(1).max(200),
  city: codeField("city"),
  sector: codeField("sector"),
  contactName: z.string().trim().min(1).max(120),
  contactPhone: z.string().trim().max(40).optional(),
  contactEmail: z.string().trim().email("errors.email.invalid").max(254).optional(),
  agreementStatus: z.enum(AGREEMENT_STATUSES).default("none"),
});
export type CreateHostInput = z.infer<typeof CreateHostSchema>;

const OfferFields = z.object({
  titleFr: z.string().trim().min(1).max(200),
  titleAr: z.string().trim().max(200).default(""),
  titleEn: z.string().trim().max(200).default(""),
  sector: codeField("sector"),
  city: codeField("city"),
  startsOn: isoDate,
  durationWeeks: z.coerce.number().int().min(1).max(104),
  stipend: dirhams.default(0),
  seats: z.coerce.number().int().min(1).max(100),
  requirementsFr: z.string().trim().max(2000).default(""),
  requirementsAr: z.string().trim().max(2000).default(""),
  requirementsEn: z.string().trim().max(2000).default(""),
  languages: codesField("language"),
});
export const CreateOfferSchema = OfferFields.extend({ hostId: z.string().uuid("errors.required") });
export type CreateOfferInput = z.infer<typeof CreateOfferSchema>;

/** An offer's corrected fields: all but its host (a wrong host is a new offer, the wrong one closed). */
export const CorrectOfferSchema = OfferFields;
export type CorrectOfferInput = z.infer<typeof CorrectOfferSchema>;

/** The offers' filters, from the query string (app/lib/params.server). */
export const OFFER_FILTERS = {
  city: query.oneOf(CODE_LISTS.city.values),
  sector: query.oneOf(CODE_LISTS.sector.values),
  paid: query.oneOf(["yes"]),
};

export const ApplySchema = z.object({ motivation: z.string().trim().max(2000).optional() });
export const ProposeSchema = z.object({ beneficiaryId: z.string().uuid("errors.required") });

export const CreatePlacementSchema = z
  .object({
    beneficiaryId: z.string().uuid("errors.required"),
    hostId: z.string().uuid("errors.required"),
    offerId: idField().optional(),
    tutorName: z.string().trim().min(1).max(120),
    tutorContact: z.string().trim().max(200).optional(),
    startsOn: isoDate,
    endsOn: isoDate,
    stipend: dirhams.default(0),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ["endsOn"], message: "internships.errors.endBeforeStart" });
export type CreatePlacementInput = z.infer<typeof CreatePlacementSchema>;

export const TransitionSchema = z
  .object({ to: z.enum(PLACEMENT_STATUSES), reason: z.string().trim().max(1000).optional() })
  .refine((v) => v.to !== "ended_early" || Boolean(v.reason), {
    path: ["reason"],
    message: "internships.errors.reasonRequired",
  });

export const ContactSchema = z.object({
  kind: z.enum(CONTACT_KINDS),
  contactedOn: isoDate,
  notes: z.string().trim().min(1).max(4000),
  problem: z.string().trim().max(2000).optional(),
});
export type ContactInput = z.infer<typeof ContactSchema>;

const scale = z.coerce.number().int().min(1, "internships.errors.scale").max(4, "internships.errors.scale");
export const EvaluationSchema = z.object({
  stage: z.enum(["mid_term", "final"]),
  punctuality: scale,
  teamwork: scale,
  communication: scale,
  technicalSkills: scale,
  autonomy: scale,
  comments: z.string().trim().max(4000).default(""),
});
export type EvaluationInput = z.infer<typeof EvaluationSchema>;

export const OutcomeSchema = z.object({
  checkpoint: z.enum(["end", "month_3", "month_6"]),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES),
});

/** The host's answer to an application, recorded by staff. */
export const AnswerApplicationSchema = z
  .object({
    applicationId: idField(),
    answer: z.enum(["accepted", "declined"]),
    /** why: required to decline (the applicant reads it), optional to accept */
    reason: z.string().trim().max(1000).optional(),
  })
  .refine((v) => v.answer !== "declined" || Boolean(v.reason), {
    path: ["reason"],
    message: "internships.errors.answerReasonRequired",
  });
export type AnswerApplicationInput = z.infer<typeof AnswerApplicationSchema>;
