import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { verifyCertificate } from "~/modules/trainings/queries.server";
import { localized } from "~/lib/localized";
import { initials } from "~/modules/trainings/rules";

/**
 * Public on purpose: an employer checks a certificate without an account. It shows
 * the initials only, the training, the dates and whether the certificate is valid.
 */
export async function loader(args: LoaderFunctionArgs) {
  const code = (args.params.code ?? "").slice(0, 40);
  const found = await verifyCertificate(args.context.db, code);
  if (!found) return data({ found: false as const, code }, { status: 404 });
  return {
    found: true as const,
    code: code.toUpperCase(),
    initials: initials(found.displayName),
    titleFr: found.titleFr,
    titleAr: found.titleAr,
    titleEn: found.titleEn,
    startsOn: found.startsOn,
    endsOn: found.endsOn,
    valid: found.revokedAt === null,
  };
}

export default function Verify() {
  const result = useLoaderData<typeof loader>();
  const { t, locale, formatDate } = useI18n();
  return (
    <div>
      <PageTitle>{t("trainings.verify.title")}</PageTitle>
      {!result.found ? (
        <p className="alert alert-error" data-verify="unknown">
          {t("trainings.verify.unknown")}
        </p>
      ) : (
        <>
          <p
            className={result.valid ? "alert alert-success" : "alert alert-error"}
            data-verify={result.valid ? "valid" : "revoked"}
          >
            {result.valid ? t("trainings.verify.valid") : t("trainings.verify.revoked")}
          </p>
          <dl className="facts">
            <dt>{t("trainings.verify.holder")}</dt>
            <dd>{result.initials}</dd>
            <dt>{t("trainings.verify.training")}</dt>
            <dd>{localized(result, "title", locale)}</dd>
            <dt>{t("trainings.verify.dates")}</dt>
            <dd>
              {formatDate(result.startsOn)} – {formatDate(result.endsOn)}
            </dd>
            <dt>{t("trainings.verify.code")}</dt>
            <dd>{result.code}</dd>
          </dl>
        </>
      )}
    </div>
  );
}
