import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";

/** A 400 from app/lib/params.server.ts names the query parameter it could not read. */
function queryProblem(data: unknown): { key: MessageKey; field: string } | null {
  if (!data || typeof data !== "object") return null;
  const { key, field } = data as { key?: unknown; field?: unknown };
  if (typeof key !== "string" || !key.startsWith("errors.query.") || typeof field !== "string") return null;
  return { key: key as MessageKey, field: field.slice(0, 40) };
}

const BY_STATUS: Record<number, [MessageKey, MessageKey]> = {
  400: ["errors.page.400.title", "errors.page.400.body"],
  403: ["errors.page.403.title", "errors.page.403.body"],
  404: ["errors.page.404.title", "errors.page.404.body"],
  405: ["errors.page.405.title", "errors.page.405.body"],
  409: ["errors.page.409.title", "errors.page.409.body"],
  429: ["errors.page.429.title", "errors.page.429.body"],
  503: ["errors.page.unavailable.title", "errors.page.unavailable.body"],
  504: ["errors.page.504.title", "errors.page.504.body"],
};

/** Translated, and never a stack trace, a query or any other internal. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] = BY_STATUS[status] ?? ["errors.page.500.title", "errors.page.500.body"];
  const problem = status === 400 && isRouteErrorResponse(error) ? queryProblem(error.data) : null;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t(title)}</h1>
      <p>{problem ? t(problem.key, { field: problem.field }) : t(body)}</p>
      <p>
        <a href="/">{t("nav.home")}</a>
      </p>
    </section>
  );
}
