import type { AuditActor } from "~/modules/audit/service.server";

export type Actor = NonNullable<AuditActor>;
