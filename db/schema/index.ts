export * from "./auth";
export * from "./audit";
export * from "./notifications";
export * from "./coaching";
export * from "./reporting";
export * from "./protection";
export * from "./aid";
export * from "./trainings";
export * from "./internships";
export * from "./grants";
export * from "./business-plans";
export * from "./profiles";
// merge note: profiles and protection both declare pgEnum("sex"); one SQL type serves both (female, male, other)
export { sexEnum } from "./protection";
