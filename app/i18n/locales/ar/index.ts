import type { Messages } from "../../translate";
import { core } from "./core";

export const ar: Messages = { ...core };
