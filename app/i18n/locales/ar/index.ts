import type { Messages } from "../../translate";
import { core } from "./core";
import { grants } from "./grants";
import { businessPlans } from "./business-plans";

export const ar: Messages = { ...core, ...businessPlans, ...grants };
