/**
 * A list of attendance marks (session, person, present/absent/excused), as a trainer takes
 * a register (docs/decisions/0132-import-applicants-and-attendance.md): each row's session
 * must exist and have begun, its person must be found by the identifier they sign in
 * with and hold a seat in the session's cohort. Confirming marks each session through the
 * trainings module's own register (corrections audited, certificates settled).
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "~db/client";
import { importedRows, trainingRegistrations, trainingSessions, users, type ImportBatch } from "~db/schema";
import { isUuid } from "~/lib/ids";
import type { Failure, Meta } from "~/lib/result";
import type { Actor } from "~/modules/auth/permissions";
import { parseIdentifier } from "~/modules/auth/rules";
import { decryptJson, keyedHash } from "~/modules/protection/crypto.server";
import { attendanceOpen, type AttendanceMark } from "~/modules/trainings/rules";
import { markAttendanceIn } from "~/modules/trainings/service.server";
import { attendanceIdentity, readMark, rowsToWrite, type Cells, type RowProblem } from "./rules";
import type { PreviewRow, StoredRows } from "./types";

export type ImportedMark = { sessionId: string; userId: string; status: AttendanceMark };

const chunks = <T>(items: readonly T[], size = 1000) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** Every row checked against the sessions, the people and the seats it names: four queries per thousand rows. */
export async function checkAttendanceRows(
  db: Executor,
  found: readonly { line: number; cells: Cells }[],
  now: Date,
): Promise<PreviewRow<ImportedMark>[]> {
  const sessionIds = [...new Set(found.map((r) => (r.cells.session ?? "").trim().toLowerCase()).filter(isUuid))];
  const sessions = new Map<string, { cohortId: string; startsAt: Date }>();
  for (const ids of chunks(sessionIds))
    for (const s of await db
      .select({ id: trainingSessions.id, cohortId: trainingSessions.cohortId, startsAt: trainingSessions.startsAt })
      .from(trainingSessions)
      .where(inArray(trainingSessions.id, ids)))
      sessions.set(s.id, s);
  const identifiers = found.map((r) => parseIdentifier(r.cells.person ?? ""));
  const people = new Map<string, string>();
  for (const kind of ["login", "phone", "email"] as const) {
    const values = [...new Set(identifiers.flatMap((i) => (i?.kind === kind ? [i.value] : [])))];
    const column = kind === "login" ? users.loginId : kind === "phone" ? users.phone : users.email;
    for (const part of chunks(values))
      for (const u of await db
        .select({ id: users.id, value: column })
        .from(users)
        .where(and(inArray(column, part), eq(users.role, "applicant"))))
        if (u.value) people.set(`${kind}:${u.value}`, u.id);
  }
  const cohortIds = [...new Set([...sessions.values()].map((s) => s.cohortId))];
  const seats = new Set<string>();
  for (const part of chunks(cohortIds))
    for (const seat of await db
      .select({ cohortId: trainingRegistrations.cohortId, userId: trainingRegistrations.userId })
      .from(trainingRegistrations)
      .where(and(inArray(trainingRegistrations.cohortId, part), eq(trainingRegistrations.status, "confirmed"))))
      seats.add(`${seat.cohortId}:${seat.userId}`);

  const firstMark = new Map<string, number>();
  return found.map(({ line, cells }, index) => {
    const problems: RowProblem[] = [];
    const sessionId = (cells.session ?? "").trim().toLowerCase();
    const session = sessions.get(sessionId);
    if (!session) problems.push({ field: "session", message: "imports.problems.session" });
    else if (!attendanceOpen(session.startsAt, now))
      problems.push({ field: "session", message: "trainings.errors.attendanceFuture" });
    const identifier = identifiers[index];
    const userId = identifier ? people.get(`${identifier.kind}:${identifier.value}`) : undefined;
    if (!userId) problems.push({ field: "person", message: "imports.problems.person" });
    else if (session && !seats.has(`${session.cohortId}:${userId}`))
      problems.push({ field: "person", message: "imports.problems.notRegistered" });
    const status = readMark(cells.mark ?? "");
    if (!status) problems.push({ field: "mark", message: "imports.problems.mark" });
    if (session && userId) {
      // one mark per person and session in a list: a second is a mistake to correct in the file
      const first = firstMark.get(`${sessionId}|${userId}`);
      if (first === undefined) firstMark.set(`${sessionId}|${userId}`, line);
      else problems.push({ field: "row", message: "imports.problems.repeated", line: first });
    }
    const mark = session && userId && status && !problems.length ? { sessionId, userId, status } : null;
    const identity = cells.sourceId
      ? `source:${cells.sourceId.trim().toLowerCase()}`
      : mark
        ? attendanceIdentity(mark)
        : `raw|${sessionId}|${cells.person ?? ""}|${cells.mark ?? ""}`;
    return {
      line,
      key: keyedHash("import_row", identity),
      person: mark,
      label: cells.person ?? "",
      problems,
      duplicates: [],
    };
  });
}

/** A session's register refused at confirmation (the list changed since): the whole import rolls back. */
export class RegisterRefused extends Error {
  constructor(readonly failure: Failure) {
    super("attendance refused");
  }
}

/**
 * Each row's key first (a mark comes in once per association, whatever file brings it),
 * then each session's marks through the trainings module's register, in this transaction.
 */
export async function writeAttendanceRows(
  tx: Executor,
  actor: Actor,
  batch: Pick<ImportBatch, "id" | "organisationId">,
  rowsEnc: string,
  meta: Meta,
): Promise<number> {
  const stored = decryptJson<StoredRows<ImportedMark>>(rowsEnc);
  const rows = rowsToWrite(stored.rows, new Set()).filter((r) => r.person);
  const bySession = new Map<string, Map<string, AttendanceMark>>();
  let written = 0;
  for (const part of chunks(rows, 500)) {
    const fresh = await tx
      .insert(importedRows)
      .values(
        part.map((row) => ({
          organisationId: batch.organisationId,
          kind: "attendance" as const,
          rowKey: row.key,
          batchId: batch.id,
          entityId: row.person!.sessionId,
        })),
      )
      .onConflictDoNothing()
      .returning({ rowKey: importedRows.rowKey });
    const kept = new Set(fresh.map((f) => f.rowKey));
    for (const row of part) {
      if (!kept.has(row.key)) continue;
      const { sessionId, userId, status } = row.person!;
      bySession.set(sessionId, (bySession.get(sessionId) ?? new Map()).set(userId, status));
      written++;
    }
  }
  for (const [sessionId, marks] of bySession) {
    const result = await markAttendanceIn(tx, actor, sessionId, marks, meta);
    if (!result.ok) throw new RegisterRefused(result);
  }
  return written;
}
