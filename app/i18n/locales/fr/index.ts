import { core } from "./core";
import { reporting } from "./reporting";
import { protection } from "./protection";
import { aid } from "./aid";
import { trainings } from "./trainings";
import { internships } from "./internships";
import { coaching } from "./coaching";
import { grants } from "./grants";
import { businessPlans } from "./business-plans";

/**
 * French: the reference dictionary. Its keys define MessageKey; en and ar must have
 * exactly the same keys (the compiler and a test both check). One file per module.
 */
export const fr = { ...core, ...reporting, ...protection, ...aid, ...trainings, ...internships, ...coaching, ...grants, ...businessPlans } as const;
