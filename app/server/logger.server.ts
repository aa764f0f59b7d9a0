/**
 * The portal's log: one JSON object a line on stdout (pino), for whatever collects
 * the process's output. What a line may carry is decided here, once: identifiers
 * (request id, route id, user id), statuses, durations and error codes; never names,
 * phones, document numbers, request bodies, or the text and parameters of a query.
 */
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

type SerializedError = {
  type: string;
  code?: string;
  message?: string;
  /** which constraint, table or column a database error is about (never the values) */
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  stack?: string[];
  cause?: SerializedError;
};

/**
 * A database error is one that carries a query, its parameters, or a server message
 * about them: drizzle's "Failed query: <sql> params: <values>", postgres.js errors
 * (`query`, `parameters`, `args`), and PostgreSQL's own (`invalid input syntax for
 * type uuid: "<value>"`, a `detail` quoting the duplicate key).
 */
function isDatabaseError(error: Error): boolean {
  const fields = error as unknown as Record<string, unknown>;
  return (
    error.name === "PostgresError" ||
    error.name === "DrizzleQueryError" ||
    "query" in error ||
    "parameters" in error ||
    typeof fields.severity === "string" ||
    /^Failed query:/.test(error.message)
  );
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/** The stack's frames only: its first lines repeat the message, which may quote values. */
function frames(stack: string | undefined): string[] | undefined {
  if (!stack) return undefined;
  const lines = stack.split("\n").filter((line) => /^\s+at /.test(line));
  return lines.length ? lines.slice(0, 15).map((line) => line.trim()) : undefined;
}

export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: error === null ? "null" : typeof error };
  const fields = error as unknown as Record<string, unknown>;
  const database = isDatabaseError(error);
  return {
    type: error.name,
    code: text(fields.code),
    message: database ? undefined : error.message,
    ...(database
      ? {
          constraint: text(fields.constraint_name),
          table: text(fields.table_name),
          column: text(fields.column_name),
          routine: text(fields.routine),
        }
      : {}),
    stack: frames(error.stack),
    cause: error.cause !== undefined && depth < 4 ? serializeError(error.cause, depth + 1) : undefined,
  };
}

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError, error: serializeError },
      // a second line of defence for fields nobody should have passed
      redact: {
        paths: [
          "password",
          "*.password",
          "parameters",
          "*.parameters",
          "query",
          "*.query",
          "body",
          "*.body",
          "headers.cookie",
          "*.headers.cookie",
        ],
        censor: "[redacted]",
      },
    },
    // stdout written synchronously: pino's default writes in the background, and a line logged
    // just before process.exit ("stopped" after a SIGTERM, a fatal error) could be lost with
    // the write still in flight (sonic-boom's exit flush skips a buffer being written)
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
