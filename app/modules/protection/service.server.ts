// The protection module's writes on case files, one file per topic; this file gathers
// them so callers keep one import. Each write runs in a transaction with its audit row.
export { requireCase } from "./case-access.server";
export * from "./cases.server";
export * from "./referrals.server";
export * from "./case-services.server";
export * from "./data-rights.server";
export * from "./case-sms.server";
export * from "./closure.server";
export * from "./corrections.server";
