import type { LoaderFunctionArgs } from "@remix-run/node";
import { getVoucherForActor } from "~/modules/aid/queries.server";
import { VoucherPdf, voucherQr } from "~/modules/aid/voucher-pdf.server";
import { audit } from "~/modules/audit/service.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { pdfResponse, renderPdf } from "~/pdf/kit.server";
import { idParam } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const found = await getVoucherForActor(args.context.db, actor, idParam(args, "voucherId"));
  if (!found) throw new Response("Not Found", { status: 404 });
  const { voucher } = found;
  const origin = new URL(args.request.url).origin;
  // scanned by a partner shop, the code opens its redeem page, filled in (a case worker lands on theirs)
  const qr = await voucherQr(`${origin}/shop?code=${encodeURIComponent(voucher.code)}`);
  await audit(args.context.db, {
    actor,
    action: "aid.voucher.print",
    entityType: "voucher",
    entityId: voucher.id,
    ip: args.context.ip,
  });
  const buffer = await renderPdf(
    <VoucherPdf
      locale={args.context.locale}
      code={voucher.code}
      valueCentimes={voucher.valueCentimes}
      firstName={found.firstName}
      reference={found.reference}
      issuedAt={voucher.issuedAt}
      expiresOn={voucher.expiresOn}
      qr={qr}
    />,
  );
  return pdfResponse(buffer, `voucher-${found.reference}.pdf`, "inline");
}
