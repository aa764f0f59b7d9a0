import { Fragment } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { direction, LOCALE_NAMES, LOCALES } from "~/i18n/config";
import { serverT } from "~/i18n/dictionaries.server";
import { useI18n } from "~/i18n/i18n-context";
import { queryLocale } from "~/lib/params.server";
import { CONSENT_NOTICE_VERSION } from "~/modules/protection/constants";

const PARAGRAPHS = [
  "protection.notice.who",
  "protection.notice.what",
  "protection.notice.services",
  "protection.notice.referral",
  "protection.notice.reporting",
  "protection.notice.sms",
  "protection.notice.rights",
] as const;

/**
 * The consent notice a case worker reads to the person before ticking the consents, in
 * the person's language whatever the page's (`?lang=`), to show on a screen or print.
 * Public, like the privacy notice: it holds nothing about anyone.
 */
export async function loader(args: LoaderFunctionArgs) {
  const lang = queryLocale(args) ?? args.context.locale;
  const t = serverT(lang);
  return {
    lang,
    dir: direction(lang),
    title: t("protection.notice.title"),
    paragraphs: PARAGRAPHS.map((key) => t(key)),
    version: t("protection.notice.version", { version: CONSENT_NOTICE_VERSION }),
  };
}

export default function ConsentNotice() {
  const { lang, dir, title, paragraphs, version } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="narrow">
      <nav className="no-print" aria-label={t("protection.notice.languages")}>
        <p>
          {t("protection.notice.languages")}{" "}
          {LOCALES.map((l, i) => (
            <Fragment key={l}>
              {i > 0 ? " · " : null}
              <a
                href={`/consent-notice?lang=${l}`}
                lang={l}
                dir={direction(l)}
                hrefLang={l}
                aria-current={l === lang ? "page" : undefined}
              >
                {LOCALE_NAMES[l]}
              </a>
            </Fragment>
          ))}
        </p>
        <p className="hint">{t("protection.notice.print")}</p>
      </nav>
      <article className="prose consent-notice" lang={lang} dir={dir} data-testid="consent-notice">
        <h1 className="page-title">{title}</h1>
        <p className="hint">{version}</p>
        {paragraphs.map((text, i) => (
          <p key={i}>{text}</p>
        ))}
      </article>
    </div>
  );
}
