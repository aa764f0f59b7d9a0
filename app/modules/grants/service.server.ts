// The grants module's writes, one file per stage of a call; this file gathers them so
// callers keep one import. Each write is (db, actor, input, meta) -> result, in a
// transaction with its audit row.
export * from "./calls.server";
export * from "./applications.server";
export * from "./review.server";
export * from "./awards.server";
export * from "./call-correction.server";
