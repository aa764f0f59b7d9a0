import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server";
import { CaseExportPdf } from "~/modules/protection/case-export-pdf.server";
import { exportCase } from "~/modules/protection/service.server";
import { pdfResponse, renderPdf } from "~/pdf/kit.server";
import { idParam } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const record = await exportCase(args.context.db, actor, idParam(args, "caseId"), { ip: args.context.ip });
  const buffer = await renderPdf(<CaseExportPdf locale={args.context.locale} record={record} />);
  return pdfResponse(buffer, `${record.case.reference}.pdf`);
}
