import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { readAck } from "~/modules/feedback/ack.server";
import { ANSWER_WITHIN_DAYS, formatReference } from "~/modules/feedback/rules";

export const meta: MetaFunction = () => [{ title: "Masar" }];

/** The acknowledgement: the reference, from the cookie the form set (ack.server.ts); without one, the form. */
export function loader({ request }: LoaderFunctionArgs) {
  const ack = readAck(request);
  if (!ack) throw redirect("/feedback");
  return { reference: formatReference(ack.reference), confidential: ack.confidential };
}

export default function FeedbackSent() {
  const { reference, confidential } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="narrow">
      <PageTitle>{t("feedback.sent.title")}</PageTitle>
      <p className="alert alert-success" role="status">
        {t("feedback.sent.received")}
      </p>
      <p>{t("feedback.sent.yourReference")}</p>
      <p className="reference" dir="ltr" data-testid="feedback-reference">
        {reference}
      </p>
      <p>{t("feedback.sent.keepIt")}</p>
      <p>{t("feedback.sent.when", { days: ANSWER_WITHIN_DAYS })}</p>
      {confidential ? <p className="confidential-note">{t("feedback.sent.confidential")}</p> : null}
      <p>
        <Link className="button" to="/feedback/follow">
          {t("feedback.sent.follow")}
        </Link>
      </p>
    </div>
  );
}
