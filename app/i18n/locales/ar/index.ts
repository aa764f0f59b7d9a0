import type { Messages } from "../../translate";
import { core } from "./core";
import { grants } from "./grants";

export const ar: Messages = { ...core, ...grants };
