import type { Messages } from "../../translate";
import { core } from "./core";
import { businessPlans } from "./business-plans";
import { profiles } from "./profiles";

export const en: Messages = { ...core, ...businessPlans, ...profiles };
