import type { Messages } from "../../translate";
import { core } from "./core";
import { trainings } from "./trainings";
import { internships } from "./internships";
import { coaching } from "./coaching";

export const en: Messages = { ...core, ...trainings, ...internships, ...coaching };
