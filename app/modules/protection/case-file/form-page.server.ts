/**
 * The case file's larger, less frequent forms each have their own short page
 * (docs/decisions/0195-case-file-forms-on-their-own-pages.md): the owning association
 * only, on a file not anonymised, read like the file (and its view audited like it);
 * a post runs the file's action, restricted to the page's intents.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { idParam } from "~/lib/params.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { requireOwnCase } from "../case-access.server";
import { caseFileAction, PAGE_INTENTS } from "./actions.server";
import { loadCaseFile } from "./data.server";

/** Another association: 404; a receiving association, or an anonymised file: 403 (as the file's own writes). */
async function requireOwner(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const c = await requireOwnCase(args.context.db, actor, idParam(args, "caseId"));
  return { actor, c };
}

/** `accountSuggestions`: the account's page lists the accounts that may be the person's. */
export async function caseFormPageLoader(args: LoaderFunctionArgs, { accountSuggestions = false } = {}) {
  const { actor, c } = await requireOwner(args);
  // the page shows protection data (the consent, the household, the partners...): a view of the file
  const meta = { ip: args.context.ip, locale: args.context.locale };
  return loadCaseFile(args.context.db, actor, c.id, meta, { accountSuggestions });
}

export async function caseFormPageAction(args: ActionFunctionArgs, page: keyof typeof PAGE_INTENTS) {
  const { actor, c } = await requireOwner(args);
  const only = PAGE_INTENTS[page];
  const meta = { ip: args.context.ip };
  return caseFileAction({ db: args.context.db, actor, caseId: c.id, request: args.request, meta, only });
}
