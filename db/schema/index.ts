export * from "./auth";
export * from "./audit";
export * from "./notifications";
export * from "./coaching";
export * from "./grants";
export * from "./business-plans";
export * from "./profiles";
