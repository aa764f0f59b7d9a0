import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseForm } from "~/lib/forms.server";
import { idParam } from "~/lib/params.server";
import { confirmHref } from "~/lib/confirm";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { personForStaff } from "~/modules/office/queries.server";
import { SlipSchema } from "~/modules/office/schemas.server";
import { printSlip } from "~/modules/office/service.server";
import { SlipPdf, slipQr } from "~/modules/office/slip-pdf.server";
import { pdfResponse, renderPdf } from "~/pdf/kit.server";

/**
 * A slip is printed by a POST: each one makes a new set-up code, which exists only in
 * this answer (the database keeps its hash). A GET has no code to print: back to the person.
 * While the person has a usable code, a POST prints only when it confirms replacing that very
 * code; any other (a reload of the PDF, a second tap) goes to the confirmation step, which says
 * the earlier slip would stop working (decision 0174-slip-reload).
 */
export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "office:act");
  const personId = idParam(args, "personId");
  if (!(await personForStaff(args.context.db, actor, personId))) notFound();
  return redirect(`/office/people/${personId}`);
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "office:act");
  const personId = idParam(args, "personId");
  const parsed = parseForm(SlipSchema, await args.request.formData());
  const locale = parsed.ok ? parsed.data.locale : args.context.locale;
  const replaces = parsed.ok && parsed.data.confirm === "replaceSlip" ? (parsed.data.replaces ?? null) : null;
  const result = await printSlip(args.context.db, actor, personId, { ip: args.context.ip }, { replaces });
  if (!result.ok && result.status === 409)
    return redirect(confirmHref(`/office/people/${personId}`, "replaceSlip", { locale }), 303);
  if (!result.ok) notFound();
  const origin = new URL(args.request.url).origin;
  const buffer = await renderPdf(
    <SlipPdf
      locale={locale}
      displayName={result.displayName}
      loginId={result.loginId}
      code={result.code}
      expiresAt={result.expiresAt}
      origin={origin}
      qr={await slipQr(origin, result.loginId)}
    />,
  );
  return pdfResponse(buffer, `slip-${result.loginId}.pdf`, "inline");
}
