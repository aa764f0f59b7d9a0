import type { ReactNode } from "react";
import { useActionData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import type { FormEcho } from "~/lib/forms";
import type { CaseActionResult } from "./actions.server";

export function Section({ title, children, id }: { title: MessageKey; children: ReactNode; id: string }) {
  const { t } = useI18n();
  return (
    <section className="case-section" aria-labelledby={`h-${id}`} id={id}>
      <h2 id={`h-${id}`}>{t(title)}</h2>
      {children}
    </section>
  );
}

/** A section the referring association did not share with the reader's association: its title, and that. */
export function NotShared({ title, id }: { title: MessageKey; id: string }) {
  const { t } = useI18n();
  return (
    <Section title={title} id={id}>
      <p className="hint" data-not-shared={id}>
        {t("protection.partner.notShared")}
      </p>
    </Section>
  );
}

/** The file's paged lists: each its query parameter and its section's anchor. */
export const PAGED_LISTS = ["notes", "services", "aid"] as const;
export type PagedList = (typeof PAGED_LISTS)[number];
/** The page of each list the file shows. */
export type FilePages = Record<PagedList, number>;

/**
 * The file's address with page `page` of list `list`, scrolled to it, the other lists on
 * the pages they are (a page 1 left out): a plain absolute path, which the server writes
 * as is (docs/decisions/0194-server-links-plain-anchors.md).
 */
export function pageHref(caseId: string, pages: FilePages, list: PagedList, page: number): string {
  const query = PAGED_LISTS.map((l) => [l, l === list ? page : pages[l]] as const)
    .filter(([l, n]) => l === list || n !== 1)
    .map(([l, n]) => `${l}=${n}`)
    .join("&");
  return `/protection/cases/${caseId}?${query}#${list}`;
}

/**
 * A list's pager: plain links to the page before and after, and "page x of y" (nothing
 * when the list fits on one page). A page past the last says so and leads back to the last.
 */
export function Pager(props: {
  caseId: string;
  pages: FilePages;
  list: PagedList;
  count: number;
  before: MessageKey;
  after: MessageKey;
}) {
  const { caseId, list, count: last } = props;
  const page = props.pages[list];
  const { t } = useI18n();
  if (last <= 1 && page <= 1) return null;
  const to = (n: number) => pageHref(caseId, props.pages, list, n);
  return (
    <>
      {page > last ? <p className="hint">{t("protection.pageEmpty", { pages: last })}</p> : null}
      <p className="actions" data-pager={list}>
        {page > 1 ? <Link to={to(Math.min(page - 1, last))}>{t(props.before)}</Link> : null}
        {page > last ? null : <span className="hint">{t("protection.page", { page, pages: last })}</span>}
        {page < last ? <Link to={to(page + 1)}>{t(props.after)}</Link> : null}
      </p>
    </>
  );
}

/** The errors and typed values of the last refused submit of `intent`, if it was that one. */
export function useIntentResult(intent: string): FormEcho {
  const actionData = useActionData<CaseActionResult>();
  return actionData?.intent === intent ? { errors: actionData.errors, values: actionData.values } : {};
}
