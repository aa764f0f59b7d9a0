import type { Messages } from "../../translate";
import { core } from "./core";
import { reporting } from "./reporting";
import { protection } from "./protection";
import { aid } from "./aid";
import { trainings } from "./trainings";
import { internships } from "./internships";
import { coaching } from "./coaching";
import { businessPlans } from "./business-plans";
import { grants } from "./grants";

export const en: Messages = { ...core, ...reporting, ...protection, ...aid, ...trainings, ...internships, ...coaching, ...businessPlans, ...grants };
