import { core } from "./core";
import { grants } from "./grants";
import { trainings } from "./trainings";
import { internships } from "./internships";
import { coaching } from "./coaching";
import { businessPlans } from "./business-plans";

/**
 * French: the reference dictionary. Its keys define MessageKey; en and ar must have
 * exactly the same keys (the compiler and a test both check). One file per module.
 */
export const fr = { ...core, ...businessPlans, ...trainings, ...internships, ...coaching, ...grants } as const;
