/** Every role but the applicant's. */
export const STAFF_ROLES = [
  "coach",
  "committee_member",
  "case_worker",
  "admin",
  "donor_viewer",
  "focal_point",
  "vendor",
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The fixed set of roles: a typed list in code, not a table (db/schema/auth.ts makes it the role enum). */
export const ROLES = ["applicant", ...STAFF_ROLES] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function isStaff(role: Role): role is StaffRole {
  return role !== "applicant";
}
