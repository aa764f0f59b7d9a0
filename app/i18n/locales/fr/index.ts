import { core } from "./core";
import { protection } from "./protection";
import { referrals } from "./referrals";
import { closure } from "./closure";
import { caseCorrections } from "./case-corrections";
import { aid } from "./aid";
import { shops } from "./shops";
import { grants } from "./grants";
import { trainings } from "./trainings";
import { internships } from "./internships";
import { coaching } from "./coaching";
import { businessPlans } from "./business-plans";
import { profiles } from "./profiles";
import { reporting } from "./reporting";
import { notifications } from "./notifications";
import { content } from "./content";
import { codes } from "./codes";
import { feedback } from "./feedback";
import { office } from "./office";
import { groups } from "./groups";
import { sheets } from "./sheets";
import { businesses } from "./businesses";
import { imports } from "./imports";

/**
 * French: the reference dictionary. Its keys define MessageKey; en and ar must have
 * exactly the same keys (the compiler and a test both check). One file per module.
 */
export const fr = {
  ...core,
  ...protection,
  ...referrals,
  ...closure,
  ...caseCorrections,
  ...aid,
  ...shops,
  ...businessPlans,
  ...trainings,
  ...internships,
  ...coaching,
  ...profiles,
  ...grants,
  ...reporting,
  ...notifications,
  ...content,
  ...codes,
  ...feedback,
  ...office,
  ...groups,
  ...sheets,
  ...businesses,
  ...imports,
} as const;
