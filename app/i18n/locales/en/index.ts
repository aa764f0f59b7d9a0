import type { Messages } from "../../translate";
import { core } from "./core";

export const en: Messages = { ...core };
