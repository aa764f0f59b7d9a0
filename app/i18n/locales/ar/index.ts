import type { Messages } from "../../translate";
import { core } from "./core";
import { reporting } from "./reporting";
import { protection } from "./protection";
import { aid } from "./aid";

export const ar: Messages = { ...core, ...reporting, ...protection, ...aid };
