import { z } from "~/lib/forms.server";
import { codeField, idField } from "~/lib/fields.server";
import { STAFF_ROLES, ROLES } from "./roles";
import { checkPassword, normalizeEmail, normalizePhone } from "./rules";
import { LOCALES } from "~/i18n/config";
import { ORGANISATION_KINDS } from "./constants";
export { PRIVACY_NOTICE_VERSION, ORGANISATION_KINDS } from "./constants";

const passwordProblemKey = {
  tooShort: "errors.password.tooShort",
  tooLong: "errors.password.tooLong",
  common: "errors.password.common",
} as const;
const staffPasswordProblemKey = { ...passwordProblemKey, tooShort: "errors.password.tooShortStaff" } as const;

/**
 * Every field is checked in one pass, so a person on a slow connection sees all
 * that needs fixing after a single round trip, not one error at a time.
 */
export const SignUpSchema = z
  .object({
    displayName: z.string().trim().max(120).optional(),
    phone: z.string().max(40).optional(),
    email: z.string().max(254).optional(),
    password: z.string().max(1024).optional(),
    passwordConfirm: z.string().max(1024).optional(),
    acceptPrivacy: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    if (!value.displayName) issue("displayName", "errors.required");
    if (!value.phone && !value.email) issue("phone", "errors.contact.required");
    if (value.phone && !normalizePhone(value.phone)) issue("phone", "errors.phone.invalid");
    if (value.email && !normalizeEmail(value.email)) issue("email", "errors.email.invalid");
    const problem = checkPassword(value.password ?? "", "applicant");
    if (problem) issue("password", passwordProblemKey[problem]);
    if ((value.password ?? "") !== (value.passwordConfirm ?? "")) issue("passwordConfirm", "errors.password.mismatch");
    if (value.acceptPrivacy !== "on") issue("acceptPrivacy", "errors.privacy.required");
  })
  .transform((value) => ({
    displayName: value.displayName ?? "",
    phone: value.phone ? normalizePhone(value.phone) : null,
    email: value.email ? normalizeEmail(value.email) : null,
    password: value.password ?? "",
  }));
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const LoginSchema = z.object({
  identifier: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
  redirectTo: z.string().optional(),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export function newPasswordSchema(role: (typeof ROLES)[number]) {
  const keys = role === "applicant" ? passwordProblemKey : staffPasswordProblemKey;
  return z.object({ password: z.string(), passwordConfirm: z.string() }).superRefine((value, ctx) => {
    const problem = checkPassword(value.password, role);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: keys[problem] });
    if (value.password !== value.passwordConfirm) {
      ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "errors.password.mismatch" });
    }
  });
}

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  password: z.string(),
  passwordConfirm: z.string(),
});

export const SetPasswordSchema = z.object({
  /** an office slip's sign-in identifier, typed beside its code; absent for an admin's code */
  identifier: z.string().trim().max(40).optional(),
  code: z.string().trim().min(1).max(64),
  password: z.string(),
  passwordConfirm: z.string(),
});

/** A case worker belongs to an association; a shop's account to a shop (whose association it takes). */
function placementIssues(
  value: { role: string; organisationId?: string; shopId?: string },
  ctx: { addIssue: (issue: { code: "custom"; path: string[]; message: string }) => void },
) {
  if (value.role === "case_worker" && !value.organisationId)
    ctx.addIssue({ code: "custom", path: ["organisationId"], message: "errors.organisation.required" });
  if (value.role === "vendor" && !value.shopId)
    ctx.addIssue({ code: "custom", path: ["shopId"], message: "errors.shop.required" });
}

export const CreateStaffSchema = z
  .object({
    displayName: z.string().trim().min(1).max(120),
    email: z.string().max(254).optional(),
    phone: z.string().max(40).optional(),
    role: z.enum(STAFF_ROLES),
    organisationId: idField().optional(),
    shopId: idField().optional(),
    locale: z.enum(LOCALES).default("fr"),
  })
  .superRefine((value, ctx) => {
    if (!value.phone && !value.email)
      ctx.addIssue({ code: "custom", path: ["email"], message: "errors.contact.required" });
    if (value.phone && !normalizePhone(value.phone))
      ctx.addIssue({ code: "custom", path: ["phone"], message: "errors.phone.invalid" });
    if (value.email && !normalizeEmail(value.email))
      ctx.addIssue({ code: "custom", path: ["email"], message: "errors.email.invalid" });
    placementIssues(value, ctx);
  })
  .transform((value) => ({
    ...value,
    phone: value.phone ? normalizePhone(value.phone) : null,
    email: value.email ? normalizeEmail(value.email) : null,
    organisationId: value.organisationId ?? null,
    // only a shop's account works for a shop
    shopId: value.role === "vendor" ? (value.shopId ?? null) : null,
  }));
export type CreateStaffInput = z.infer<typeof CreateStaffSchema>;

export const UpdateUserSchema = z
  .object({
    role: z.enum(ROLES),
    organisationId: idField().optional(),
    shopId: idField().optional(),
  })
  .superRefine(placementIssues)
  .transform((value) => ({
    role: value.role,
    organisationId: value.organisationId ?? null,
    shopId: value.role === "vendor" ? (value.shopId ?? null) : null,
  }));

export const CreateOrganisationSchema = z.object({
  name: z.string().trim().min(1).max(160),
  kind: z.enum(ORGANISATION_KINDS),
  city: codeField("city").optional(),
});
