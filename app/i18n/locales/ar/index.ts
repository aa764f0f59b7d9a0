import type { Messages } from "../../translate";
import { core } from "./core";
import { reporting } from "./reporting";

export const ar: Messages = { ...core, ...reporting };
