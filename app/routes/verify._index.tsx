import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseQuery, query } from "~/lib/params.server";
import { normaliseVerificationCode } from "~/modules/trainings/rules";
import { VerifyForm } from "~/modules/trainings/verify-form";

/**
 * Public on purpose, like /verify/$code: an employer who has the paper types its code
 * here. A typed code goes to its page (a code that cannot exist goes there too, which
 * says so and offers the box again).
 */
export function loader(args: LoaderFunctionArgs) {
  const { code } = parseQuery(args, { code: query.text(40) });
  const typed = code?.trim();
  if (typed) throw redirect(`/verify/${encodeURIComponent(normaliseVerificationCode(typed) ?? typed)}`);
  return { asked: code !== undefined };
}

export default function VerifyIndex() {
  const { asked } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="narrow">
      <PageTitle>{t("trainings.verify.title")}</PageTitle>
      <p>{t("trainings.verify.intro")}</p>
      {asked ? <p className="alert alert-error">{t("trainings.verify.empty")}</p> : null}
      <VerifyForm />
    </div>
  );
}
