import type { Messages } from "../../translate";
import { core } from "./core";
import { grants } from "./grants";

export const en: Messages = { ...core, ...grants };
