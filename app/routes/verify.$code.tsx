import type { LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { textParam } from "~/lib/params.server";
import { verifyCertificate } from "~/modules/trainings/queries.server";
import { initials, normaliseVerificationCode } from "~/modules/trainings/rules";
import { VerifyForm } from "~/modules/trainings/verify-form";

/**
 * Public on purpose: an employer checks a certificate without an account. It shows
 * the initials only, the training, the dates and whether the certificate is valid.
 */
export async function loader(args: LoaderFunctionArgs) {
  const typed = textParam(args, "code", 40);
  const code = normaliseVerificationCode(typed);
  // "abcd efgh jkmn" and "ABCDEFGHJKMN" are the same certificate: one address for it
  if (code && code !== typed) throw redirect(`/verify/${code}`);
  const found = code ? await verifyCertificate(args.context.db, code) : null;
  if (!code || !found) return data({ found: false as const, code: typed }, { status: 404 });
  return {
    found: true as const,
    code,
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
  const { t, formatDate } = useI18n();
  return (
    <div>
      <PageTitle>{t("trainings.verify.title")}</PageTitle>
      {!result.found ? (
        <>
          <p className="alert alert-error" data-verify="unknown">
            {t("trainings.verify.unknown")}
          </p>
          <VerifyForm code={result.code} />
        </>
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
            <dd>
              {/* Latin initials in an Arabic page: isolated, "A. D." not ".A. D" */}
              <bdi>{result.initials}</bdi>
            </dd>
            <dt>{t("trainings.verify.training")}</dt>
            <dd>
              <LocalizedText row={result} field="title" />
            </dd>
            <dt>{t("trainings.verify.dates")}</dt>
            <dd>
              {formatDate(result.startsOn)} – {formatDate(result.endsOn)}
            </dd>
            <dt>{t("trainings.verify.code")}</dt>
            <dd dir="ltr">{result.code}</dd>
          </dl>
        </>
      )}
    </div>
  );
}
