/** Values both the forms (browser) and the schemas (server) need; no zod here. */

export const TRAINING_CATEGORIES = [
  "soft_skills",
  "life_skills",
  "entrepreneurship_orientation",
  "auto_entrepreneur",
  "language_culture",
  "vocational_orientation",
  "digital_skills",
] as const;

export const AUDIENCES = ["migrants", "young_moroccans", "both"] as const;

export const ATTENDANCE_MARKS = ["present", "absent", "excused"] as const;
