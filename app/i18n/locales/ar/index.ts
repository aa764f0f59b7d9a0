import type { Messages } from "../../translate";
import { core } from "./core";
import { protection } from "./protection";
import { aid } from "./aid";

export const ar: Messages = { ...core, ...protection, ...aid };
