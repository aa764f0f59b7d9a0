import type { Messages } from "../../translate";
import { core } from "./core";
import { trainings } from "./trainings";
import { internships } from "./internships";
import { coaching } from "./coaching";

export const ar: Messages = { ...core, ...trainings, ...internships, ...coaching };
