import type { FieldErrors } from "~/lib/forms";
import type { AuditActor } from "~/modules/audit/service.server";

export type Actor = NonNullable<AuditActor>;
export type Meta = { ip?: string | null; now?: Date };
export type Failure = { ok: false; status: 400 | 404 | 409; errors: FieldErrors };
export const fail = (status: Failure["status"], errors: Record<string, string>): Failure => ({
  ok: false,
  status,
  errors: errors as FieldErrors,
});

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint_name?: string; cause?: { code?: string; constraint_name?: string } };
  const code = e?.code ?? e?.cause?.code;
  const name = e?.constraint_name ?? e?.cause?.constraint_name;
  return code === "23505" && (!constraint || name === constraint);
}
