/**
 * Every route of the app, from every module. A module adds a file beside this one
 * and spreads its entries here; a route of the build with no entry fails the test.
 */
import { foundationRoutes } from "./foundation";
import { protectionRoutes } from "./protection";
import { reportingRoutes } from "./reporting";
import type { AccessEntry } from "./types";
import { grantsRoutes } from "./grants";
import { employabilityRoutes } from "./employability";
import { businessPlanRoutes } from "./business-plans";
import { notificationRoutes } from "./notifications";
import { feedbackRoutes } from "./feedback";
import { shopRoutes } from "./shops";
import { officeRoutes } from "./office";
import { groupRoutes } from "./groups";
import { importRoutes } from "./imports";

export const ACCESS_MATRIX: AccessEntry[] = [
  ...foundationRoutes,
  ...protectionRoutes,
  ...businessPlanRoutes,
  ...employabilityRoutes,
  ...grantsRoutes,
  ...reportingRoutes,
  ...notificationRoutes,
  ...feedbackRoutes,
  ...shopRoutes,
  ...officeRoutes,
  ...groupRoutes,
  ...importRoutes,
];
