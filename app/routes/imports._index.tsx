import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { FormAlert, PageTitle, SelectField } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { readUpload } from "~/lib/upload.server";
import { forbidden, notFound, requireUser } from "~/modules/auth/guards.server";
import { ColumnsHelp } from "~/modules/imports/components";
import { listImports } from "~/modules/imports/queries.server";
import {
  IMPORT_KINDS,
  importKindsFor,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type ImportKind,
} from "~/modules/imports/rules";
import { previewImport } from "~/modules/imports/service.server";

/** Whoever may do a kind's work by hand imports lists of it: case workers, coaches, admins (decision: imports). */
function requireImporter(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const actor = requireUser(args);
  const kinds = importKindsFor(actor);
  if (!kinds.length) return actor.role === "vendor" ? notFound() : forbidden();
  return { actor, kinds };
}

/** A member of staff sends a list; the preview follows. */
export async function loader(args: LoaderFunctionArgs) {
  const { actor, kinds } = requireImporter(args);
  const imports = await listImports(args.context.db, actor);
  return { kinds, imports: imports.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })) };
}

type Refused = { error: MessageKey; params?: Record<string, string> };

export async function action(args: ActionFunctionArgs) {
  const { actor } = requireImporter(args);
  const { request, context } = args;
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return data<Refused>({ error: "imports.errors.required" }, { status: 400 });
  const upload = await readUpload(request, { field: "file", maxBytes: MAX_IMPORT_BYTES });
  if (!upload.ok)
    return data<Refused>(
      { error: "imports.errors.size" },
      { status: 400, headers: upload.closeConnection ? { Connection: "close" } : undefined },
    );
  if (!upload.file) return data<Refused>({ error: "imports.errors.required" }, { status: 400 });
  // a kind the actor may not import is refused by the service (403), an unknown one here
  const kind: ImportKind | undefined = IMPORT_KINDS.find((k) => k === upload.form.get("kind"));
  if (!kind) return data<Refused>({ error: "errors.invalid" }, { status: 400 });
  const result = await previewImport(
    context.db,
    actor,
    { kind, filename: upload.file.name, bytes: upload.file.bytes, locale: context.locale },
    { ip: context.ip },
  );
  if (!result.ok)
    return data<Refused>(
      { error: result.errors.file ?? "errors.invalid", params: "params" in result ? result.params : undefined },
      { status: result.status },
    );
  return redirect(`/imports/${result.importId}`);
}

export default function Imports() {
  const { kinds, imports } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  return (
    <div>
      <PageTitle>{t("imports.title")}</PageTitle>
      <p className="hint">{t("imports.intro")}</p>
      <FormAlert message={refused?.error} params={refused?.params} />
      <Form method="post" encType="multipart/form-data" className="card">
        <SelectField
          id="import-kind"
          name="kind"
          label="imports.field.kind"
          defaultValue={kinds[0]}
          options={kinds.map((kind) => ({ value: kind, label: t(`imports.kind.${kind}`) }))}
        />
        <div className="field">
          <label htmlFor="import-file">{t("imports.field.file", { rows: MAX_IMPORT_ROWS })}</label>
          <input
            id="import-file"
            type="file"
            name="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          />
        </div>
        <button type="submit" className="button">
          {t("imports.send")}
        </button>
      </Form>
      {kinds.map((kind) => (
        <ColumnsHelp key={kind} kind={kind} />
      ))}
      <h2>{t("imports.list.title")}</h2>
      {imports.length === 0 ? (
        <p>{t("imports.list.empty")}</p>
      ) : (
        <DataTable
          label={t("imports.list.title")}
          testId="imports"
          headers={[
            t("imports.col.file"),
            t("imports.col.kind"),
            t("imports.col.date"),
            t("imports.col.status"),
            t("imports.col.rows"),
          ]}
          rows={imports}
          rowKey={(i) => i.id}
          numeric={[4]}
          cells={(i) => [
            <Link key="f" to={`/imports/${i.id}`} dir="auto">
              {i.filename}
            </Link>,
            t(`imports.kind.${i.kind}`),
            formatDate(i.createdAt, true),
            t(`imports.status.${i.status}`),
            i.writtenCount === null ? i.rowCount : `${i.writtenCount} / ${i.rowCount}`,
          ]}
        />
      )}
    </div>
  );
}
