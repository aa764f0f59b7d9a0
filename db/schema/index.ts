export * from "./auth";
export * from "./audit";
export * from "./notifications";
export * from "./coaching";
export * from "./trainings";
export * from "./internships";
export * from "./business-plans";
export * from "./profiles";
