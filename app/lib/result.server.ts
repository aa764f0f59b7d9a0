import { isUniqueViolation } from "~db/errors";
import type { Failure } from "./result";

/**
 * Run a write; when a unique constraint refuses it (`constraint`, or any), answer
 * `failure` instead of throwing: the database, not an earlier read, decides that the
 * thing exists already, so two requests at once cannot both pass.
 */
export async function refuseDuplicate<T>(
  write: () => Promise<T>,
  failure: Failure,
  constraint?: string | readonly string[],
): Promise<T | Failure> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, constraint)) return failure;
    throw error;
  }
}
