import type { Messages } from "../../translate";
import { core } from "./core";
import { businessPlans } from "./business-plans";

export const en: Messages = { ...core, ...businessPlans };
