import type { Messages } from "../../translate";
import { core } from "./core";
import { grants } from "./grants";
import { trainings } from "./trainings";
import { internships } from "./internships";
import { coaching } from "./coaching";
import { businessPlans } from "./business-plans";

export const ar: Messages = { ...core, ...businessPlans, ...trainings, ...internships, ...coaching, ...grants };
