/**
 * Every route of the app, from every module. A module adds a file beside this one
 * and spreads its entries here; a route of the build with no entry fails the test.
 */
import { foundationRoutes } from "./foundation";
import { protectionRoutes } from "./protection";
import { grantsRoutes } from "./grants";
import { businessPlanRoutes } from "./business-plans";
import { employabilityRoutes } from "./employability";
import { reportingRoutes } from "./reporting";
import type { AccessEntry } from "./types";

export const ACCESS_MATRIX: AccessEntry[] = [
  ...foundationRoutes,
  ...protectionRoutes,
  ...businessPlanRoutes,
  ...employabilityRoutes,
  ...grantsRoutes,
  ...reportingRoutes,
];
