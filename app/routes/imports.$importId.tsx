import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { FormAlert, PageTitle } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { idParam } from "~/lib/params.server";
import { forbidden, notFound, requireUser } from "~/modules/auth/guards.server";
import { fieldLabel } from "~/modules/imports/components";
import { viewImport } from "~/modules/imports/queries.server";
import { importKindsFor, previewSummary, type ImportKind } from "~/modules/imports/rules";
import { confirmImport } from "~/modules/imports/service.server";
import { listOf } from "~/i18n/codes";

function requireImporter(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const actor = requireUser(args);
  if (!importKindsFor(actor).length) return actor.role === "vendor" ? notFound() : forbidden();
  return actor;
}

const CONFIRMED: Record<ImportKind, MessageKey> = {
  cases: "imports.confirmed",
  applicants: "imports.confirmedApplicants",
  attendance: "imports.confirmedAttendance",
};

/** A previewed list, row by row, to confirm; or a confirmed one's result. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = requireImporter(args);
  const { context } = args;
  const found = await viewImport(context.db, actor, idParam(args, "importId"), { ip: context.ip });
  if (!found) notFound();
  const { batch, ignored, repeated, rows } = found;
  const { shown, ...counts } = previewSummary(rows);
  return {
    batch: {
      id: batch.id,
      kind: batch.kind,
      filename: batch.filename,
      status: batch.status,
      rowCount: batch.rowCount,
      writtenCount: batch.writtenCount,
      confirmedAt: batch.confirmedAt?.toISOString() ?? null,
    },
    ignored,
    repeated,
    counts,
    shown: shown.map((r) => ({ ...r, person: null })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requireImporter(args);
  const { request, context } = args;
  const importId = idParam(args, "importId");
  const form = await request.formData();
  const distinctLines = new Set(
    form
      .getAll("distinct")
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 1),
  );
  const result = await confirmImport(context.db, actor, { importId, distinctLines }, { ip: context.ip });
  if (!result.ok) {
    if (result.status === 404) notFound();
    return data({ error: result.errors.form ?? ("errors.invalid" as MessageKey) }, { status: result.status });
  }
  return redirect(`/imports/${importId}`);
}

export default function ImportPreview() {
  const { batch, ignored, repeated, counts, shown } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  const confirmed = batch.status === "confirmed";
  return (
    <div>
      <PageTitle>
        <bdi>{t("imports.preview.title", { file: batch.filename })}</bdi>
      </PageTitle>
      <FormAlert message={refused?.error} />
      {confirmed ? (
        <p className="alert alert-success" role="status" data-import-confirmed>
          {t(CONFIRMED[batch.kind], {
            date: batch.confirmedAt ? formatDate(batch.confirmedAt, true) : "",
            n: batch.writtenCount ?? 0,
            rows: batch.rowCount,
          })}
        </p>
      ) : (
        <>
          <p className="lead">{t("imports.preview.notYet")}</p>
          <p data-import-summary>{t("imports.preview.summary", counts)}</p>
          {ignored.length ? (
            <p className="hint">{t("imports.preview.ignored", { columns: listOf(t, ignored) })}</p>
          ) : null}
          {repeated.length ? (
            <p className="hint">{t("imports.preview.repeatedColumns", { columns: listOf(t, repeated) })}</p>
          ) : null}
          <Form method="post">
            <h2>{t("imports.preview.check")}</h2>
            {shown.length === 0 ? <p>{t("imports.preview.allReady")}</p> : <RowsToCheck rows={shown} />}
            {counts.hidden ? <p className="hint">{t("imports.preview.more", { n: counts.hidden })}</p> : null}
            <p className="hint">{t("imports.preview.confirmHint")}</p>
            <button type="submit" name="intent" value="confirm" className="button">
              {t("imports.preview.confirm")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/imports">{t("imports.preview.back")}</Link>
      </p>
    </div>
  );
}

type Shown = ReturnType<typeof useLoaderData<typeof loader>>["shown"];

function RowsToCheck({ rows }: { rows: Shown }) {
  const { t } = useI18n();
  return (
    <TableWrap label={t("imports.preview.check")}>
      <table data-testid="import-rows">
        <thead>
          <tr>
            <th scope="col">{t("imports.col.line")}</th>
            <th scope="col">{t("imports.col.person")}</th>
            <th scope="col">{t("imports.col.problems")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} data-line={row.line}>
              <td className="num">{row.line}</td>
              <td dir="auto">{row.label}</td>
              <td>
                {row.problems.length ? (
                  <ul>
                    {row.problems.map((p, i) => (
                      <li key={i}>
                        {t("imports.problem", {
                          field: t(fieldLabel(p.field)),
                          message: t(p.message, { line: p.line }),
                        })}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <>
                    <p>{t("imports.col.duplicates")}</p>
                    <ul>
                      {row.duplicates.map((d) => (
                        <li key={d.id}>
                          <bdi>{d.reference}</bdi> <bdi>{d.name}</bdi> (
                          {listOf(
                            t,
                            d.reasons.map((r) =>
                              t(r === "name" ? "imports.duplicates.reason.name" : `protection.duplicates.reason.${r}`),
                            ),
                          )}
                          )
                        </li>
                      ))}
                    </ul>
                    <label className="checkbox">
                      <input type="checkbox" name="distinct" value={row.line} />
                      <span>{t("imports.preview.distinct")}</span>
                    </label>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
