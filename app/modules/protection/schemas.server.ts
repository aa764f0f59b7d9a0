import { z } from "~/lib/forms.server";
import { LOCALES } from "~/i18n/config";
import {
  AVRR_STAGES,
  HOSPITAL_STATUSES,
  LEGAL_STATUSES,
  SHARED_SECTIONS,
  SIMPLE_STATUSES,
  VULNERABILITIES,
} from "./rules";
import {
  CLOSURE_REASONS,
  REFERRAL_REASONS,
  REFERRAL_URGENCIES,
  REOPEN_REASONS,
  SERVICE_KINDS,
  UNLINK_REASONS,
} from "./constants";
import { NOTICE_LANGUAGES } from "~/modules/office/constants";
import { checkedField, codeField, dateField, idField, moneyField, timeField } from "~/lib/fields.server";
import { isCountry } from "~/modules/profiles/rules";
import { moroccoToday } from "~/lib/morocco-time";
export { CONSENT_NOTICE_VERSION, SERVICE_KINDS } from "./constants";

const isoDate = dateField();
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");
const text = (max: number) => z.string().trim().max(max).optional();

/**
 * The person's consent, as registration collects it and as the case file records it
 * again. A consent to referral names the partner associations it covers (ticked).
 */
const consentFields = {
  consentServices: checkbox,
  consentReferral: checkbox,
  consentPartners: checkedField(idField()),
  consentReporting: checkbox,
  consentSms: checkbox,
  consentLanguage: z.enum(LOCALES),
};

/** A consent to referral names at least one partner (they limit where a referral may go). */
function partnersNamed(v: { consentReferral: boolean; consentPartners: string[] }, ctx: z.RefinementCtx) {
  if (v.consentReferral && v.consentPartners.length === 0)
    ctx.addIssue({ code: "custom", path: ["consentPartners"], message: "protection.errors.consentPartners" });
}

/** The version of the record a correction form was filled from (`versionOf` in app/lib/changes.ts). */
const versionField = z.string().min(1).max(64);
export const VersionSchema = z.object({ version: versionField });

/** The person as a case file records them: registration and correction share these fields. */
const personFields = {
  firstName: z
    .string({ message: "protection.errors.firstName" })
    .trim()
    .min(1, "protection.errors.firstName")
    .max(80, "protection.errors.firstName"),
  lastName: z
    .string({ message: "protection.errors.lastName" })
    .trim()
    .min(1, "protection.errors.lastName")
    .max(80, "protection.errors.lastName"),
  nameArabic: text(160),
  // a fact about the person: no default, the case worker chooses (issue 13)
  sex: z.enum(["female", "male", "other"], { message: "protection.errors.sexRequired" }),
  dateOfBirth: dateField("protection.errors.dateOfBirth").optional(),
  estimatedAge: z.coerce
    .number({ message: "protection.errors.estimatedAge" })
    .int("protection.errors.estimatedAge")
    .min(0, "protection.errors.estimatedAge")
    .max(120, "protection.errors.estimatedAge")
    .optional(),
  // codes of the country and town lists (decision 0138-case-town-nationality-as-codes.md)
  nationality: z.string().refine(isCountry, "profiles.errors.country").optional(),
  languages: text(120),
  phone: z
    .string()
    .trim()
    .regex(/^[+\d][\d\s.-]{5,20}$/, "errors.phone.invalid")
    .optional(),
  documentNumber: text(40),
  city: codeField("city", "protection.errors.city").optional(),
  householdSize: z.coerce
    .number({ message: "protection.errors.householdSize" })
    .int("protection.errors.householdSize")
    .min(1, "protection.errors.householdSize")
    .max(30, "protection.errors.householdSize"),
  householdNotes: text(1000),
};

/** A date of birth or an estimated age, and never a birth in the future. */
function birthOrAge(v: { dateOfBirth?: string; estimatedAge?: number }, ctx: z.RefinementCtx) {
  if (!v.dateOfBirth && v.estimatedAge === undefined)
    ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: "protection.errors.birthOrAge" });
  if (v.dateOfBirth && v.dateOfBirth > moroccoToday())
    ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: "protection.errors.dateOfBirth" });
}

/** Every refinement also runs when other fields failed: a refused form lists every problem at once. */
const always = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

export const RegisterCaseSchema = z
  .object({
    ...personFields,
    // consent, collected at registration
    ...consentFields,
    // the case worker saw the duplicate warning and decided
    duplicateDecision: z.enum(["distinct"]).optional(),
    distinctFrom: z.uuid().optional(),
  })
  .superRefine((v, ctx) => {
    birthOrAge(v, ctx);
    if (!v.consentServices)
      ctx.addIssue({ code: "custom", path: ["consentServices"], message: "protection.errors.consentServices" });
    partnersNamed(v, ctx);
  }, always);
export type RegisterCaseInput = z.infer<typeof RegisterCaseSchema>;

/** The person alone, as registration checks them: what an imported list's rows are checked with. */
export const PersonSchema = z.object(personFields).superRefine(birthOrAge, always);
export type PersonFieldsInput = z.infer<typeof PersonSchema>;

/** A case's identity corrected on its own page: the person's fields as registration has them. */
export const CorrectIdentitySchema = z
  .object({ ...personFields, version: versionField })
  .superRefine(birthOrAge, always);
export type CorrectIdentityInput = z.infer<typeof CorrectIdentitySchema>;

export const ConsentSchema = z.object(consentFields).superRefine(partnersNamed);
export type ConsentInput = z.infer<typeof ConsentSchema>;

export const NoteSchema = z.object({ body: z.string().trim().min(1).max(5000) });

export const VulnerabilitySchema = z.object({
  flags: checkedField(z.enum(VULNERABILITIES)),
  notes: text(3000),
  assessedOn: isoDate,
});
export type VulnerabilityInput = z.infer<typeof VulnerabilitySchema>;

/**
 * A referral or transfer: to whom, why, how urgent, the services asked for and the
 * sections of the file the receiving association may see (none unless ticked).
 */
export const ReferralSchema = z.object({
  kind: z.enum(["referral", "transfer"]),
  toOrganisationId: idField(),
  reason: z.enum(REFERRAL_REASONS, { message: "protection.errors.referralReason" }),
  urgency: z.enum(REFERRAL_URGENCIES, { message: "protection.errors.referralUrgency" }),
  services: checkedField(z.enum(SERVICE_KINDS)),
  share: checkedField(z.enum(SHARED_SECTIONS)),
  overrideReason: text(500),
});
export type ReferralInput = z.infer<typeof ReferralSchema>;

/** A request still pending, corrected: its reason, urgency, services asked for and sections shared. */
export const CorrectReferralSchema = ReferralSchema.pick({
  reason: true,
  urgency: true,
  services: true,
  share: true,
}).extend({ version: versionField });
export type CorrectReferralInput = z.infer<typeof CorrectReferralSchema>;

export const DecideReferralSchema = z.object({ referralId: z.uuid(), decision: z.enum(["accept", "reject"]) });

export const AssignSchema = z.object({ assignedToId: z.uuid() });

/** A supervisor confirms a case-worker account of their association. */
export const ConfirmStaffSchema = z.object({ userId: idField() });

/** At most one million dirhams for one service. */
const money = moneyField("errors.money", { max: 100_000_000 }).default(0);

/** One schema per kind of service: common fields plus the kind's own. */
export const ServiceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("medical"),
    serviceDate: isoDate,
    provider: text(120),
    cost: money,
    notes: text(3000),
    reasonCategory: z.enum(["general", "maternal", "child", "chronic", "injury", "infectious", "other"]),
    outcome: z.enum(["treated", "referred", "follow_up", "other"]),
  }),
  z.object({
    kind: z.literal("hospital_referral"),
    serviceDate: isoDate,
    provider: text(120),
    cost: money,
    notes: text(3000),
    facility: z.string().trim().min(1).max(160),
    specialty: z.string().trim().min(1).max(80),
    urgency: z.enum(["routine", "urgent", "emergency"]),
    followUpDate: isoDate.optional(),
  }),
  z.object({
    kind: z.literal("mental_health"),
    serviceDate: isoDate,
    provider: text(120),
    cost: money,
    notes: text(3000),
    sessionType: z.enum(["individual", "group", "family"]),
  }),
  z
    .object({
      kind: z.literal("shelter"),
      serviceDate: isoDate,
      provider: text(120),
      cost: money,
      notes: text(3000),
      place: z.string().trim().min(1).max(160),
      checkIn: isoDate,
      checkOut: isoDate.optional(),
    })
    .refine((v) => !v.checkOut || v.checkOut >= v.checkIn, {
      path: ["checkOut"],
      message: "protection.errors.checkOutBeforeIn",
    }),
  z.object({
    kind: z.literal("legal"),
    serviceDate: isoDate,
    provider: text(120),
    cost: money,
    notes: text(3000),
    legalType: z.enum(["counselling", "documents", "regularisation", "court"]),
  }),
  z.object({
    kind: z.literal("avrr"),
    serviceDate: isoDate,
    provider: text(120),
    cost: money,
    notes: text(3000),
    countryOfReturn: z.string().trim().min(1).max(80),
  }),
]);
export type ServiceInput = z.infer<typeof ServiceSchema>;

export const ServiceStatusSchema = z.object({
  serviceId: z.uuid(),
  status: z.enum([...new Set([...HOSPITAL_STATUSES, ...AVRR_STAGES, ...LEGAL_STATUSES, ...SIMPLE_STATUSES])] as [
    string,
    ...string[],
  ]),
  dueDate: isoDate.optional(),
});

export const AdminProtectionActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("supervisor"), userId: z.uuid(), on: z.enum(["1", "0"]) }),
  z.object({
    intent: z.literal("retention"),
    retentionDays: z.coerce
      .number({ message: "protection.admin.retentionInvalid" })
      .int("protection.admin.retentionInvalid")
      .min(30, "protection.admin.retentionInvalid")
      .max(36500, "protection.admin.retentionInvalid"),
  }),
  z.object({ intent: z.literal("apply") }),
]);

export const CaseIntentSchema = z.object({
  intent: z.enum([
    "note",
    "consent",
    "withdrawConsent",
    "vulnerability",
    "assign",
    "referral",
    "status",
    "voucher",
    "anonymise",
    "sms",
    "close",
    "reopen",
    "household",
    "link",
    "unlink",
  ]),
});

/**
 * Linking the case to the person's applicant account: the account's phone, e-mail or
 * slip identifier, and the person's consent, the notice read to them in a language.
 */
export const LinkAccountSchema = z.object({
  account: z.string().trim().min(1, "protection.link.accountRequired").max(254),
  noticeLanguage: z.enum(NOTICE_LANGUAGES, { message: "office.errors.noticeLanguage" }),
  consent: z.literal("on", { message: "protection.link.consentRequired" }),
});
export type LinkAccountInput = z.infer<typeof LinkAccountSchema>;
export const UnlinkAccountSchema = z.object({
  reason: z.enum(UNLINK_REASONS, { message: "protection.closure.reasonRequired" }),
});

export const CloseCaseSchema = z.object({
  reason: z.enum(CLOSURE_REASONS, { message: "protection.closure.reasonRequired" }),
});
export const ReopenCaseSchema = z.object({
  reason: z.enum(REOPEN_REASONS, { message: "protection.closure.reasonRequired" }),
});
export type CaseIntent = z.infer<typeof CaseIntentSchema>["intent"];

/** A short SMS from the case file: one of the fixed templates; an appointment carries its day and time. */
export const CaseSmsSchema = z
  .object({
    template: z.enum(["callBack", "appointment", "documentsReady"]),
    date: isoDate.optional(),
    time: timeField().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.template === "appointment" && (!v.date || !v.time))
      ctx.addIssue({ code: "custom", path: ["date"], message: "errors.caseSms.when" });
  });
export type CaseSmsInput = z.infer<typeof CaseSmsSchema>;
