export * from "./auth";
export * from "./audit";
export * from "./notifications";
export * from "./coaching";
export * from "./reporting";
export * from "./protection";
export * from "./aid";
