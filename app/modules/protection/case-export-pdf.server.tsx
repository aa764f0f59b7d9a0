/** The full record of one person, printed for them on request (supervisors only). */
import { labelled, type MessageKey } from "~/i18n/translate";
import { Text, View } from "@react-pdf/renderer";
import type { Locale } from "~/i18n/config";
import { codeLabel, countryName, listOf } from "~/i18n/codes";
import { isolate, pdfDate, PdfFrame, pdfStyles, pdfT, TypedText } from "~/pdf/kit.server";
import { CASE_SMS_TEMPLATES, isCaseSmsTemplate } from "~/modules/notifications/kinds";
import { messageStateText } from "~/modules/notifications/ui";
import type { exportCase } from "./service.server";

type Export = Awaited<ReturnType<typeof exportCase>>;

export function CaseExportPdf({ locale, record }: { locale: Locale; record: Export }) {
  const t = pdfT(locale);
  const c = record.case;
  return (
    <PdfFrame locale={locale} title={`${t("protection.export.title")} ${c.reference}`}>
      <Text style={pdfStyles.h1}>{t("protection.export.title")}</Text>
      <Text style={pdfStyles.p}>
        {c.firstName} {c.lastName} {c.nameArabic ?? ""} · {c.reference}
      </Text>
      <Text style={[pdfStyles.p, pdfStyles.muted]}>
        {record.organisationName} · {pdfDate(locale, record.exportedAt)}
      </Text>
      <Text style={pdfStyles.h2}>{t("protection.case.identity")}</Text>
      <Text style={pdfStyles.p}>
        {labelled(t, "protection.field.sex")} {t(`protection.sex.${c.sex}`)} ·{" "}
        {labelled(t, "protection.field.dateOfBirth")} {c.dateOfBirth ? pdfDate(locale, c.dateOfBirth) : "—"} ·{" "}
        {labelled(t, "protection.field.nationality")} {c.nationality ? countryName(locale, c.nationality) : "—"}
      </Text>
      <Text style={pdfStyles.p}>
        {labelled(t, "protection.field.phone")} {c.phone ?? "—"} ·{" "}
        {/* label and colon set apart: after the label's closing bracket, an Arabic line drew the colon as a missing glyph */}
        {isolate(labelled(t, "protection.field.documentNumber"))} {c.documentNumber ?? "—"} ·{" "}
        {labelled(t, "protection.field.city")}{" "}
        {c.city ? codeLabel(t, "city", c.city) : c.region ? codeLabel(t, "region", c.region) : "—"}
      </Text>
      <ConsentsAndReferrals locale={locale} record={record} />
      <Text style={pdfStyles.h2}>{t("protection.vulnerability.title")}</Text>
      <Text style={pdfStyles.p}>
        {record.vulnerability
          ? listOf(
              t,
              record.vulnerability.flags.map((f) => t(`protection.vulnerability.${f}`)),
            )
          : t("protection.vulnerability.none")}
      </Text>
      {record.vulnerability?.notes ? <TypedText style={[pdfStyles.p]}>{record.vulnerability.notes}</TypedText> : null}
      <Text style={pdfStyles.h2}>{t("protection.services.title")}</Text>
      {/* a service's notes may run longer than a page: they break, the line before them stays with them */}
      {record.services.map((s) => (
        <View key={s.id}>
          <Text style={pdfStyles.p} minPresenceAhead={30}>
            {pdfDate(locale, s.serviceDate)} · {t(`protection.service.${s.kind}`)} ·{" "}
            {t(`protection.serviceStatus.${s.status}` as MessageKey)}
          </Text>
          {s.notes ? <TypedText style={[pdfStyles.p, pdfStyles.muted]}>{s.notes}</TypedText> : null}
        </View>
      ))}
      <Text style={pdfStyles.h2}>{t("protection.notes.title")}</Text>
      {record.notes.map((n) => (
        <Text key={n.id} style={pdfStyles.p}>
          {pdfDate(locale, n.createdAt)} · {n.author}: {n.body}
        </Text>
      ))}
      <Text style={pdfStyles.h2}>{t("caseSms.history")}</Text>
      {record.smsSent.length === 0 ? <Text style={pdfStyles.p}>{t("caseSms.none")}</Text> : null}
      {record.smsSent.map((m) => (
        <Text key={m.id} style={pdfStyles.p}>
          {pdfDate(locale, m.createdAt)} ·{" "}
          {isCaseSmsTemplate(m.template) ? t(CASE_SMS_TEMPLATES[m.template].label) : m.template} · {m.sentBy}
          {m.state ? ` · ${messageStateText(t, { state: m.state, channel: "sms", failReason: m.failReason })}` : ""}
        </Text>
      ))}
      <Text style={pdfStyles.h2}>{t("protection.aid.title")}</Text>
      <Text style={pdfStyles.p}>
        {t("protection.export.distributions", { count: record.distributions.filter((g) => !g.correctedAt).length })} ·{" "}
        {t("protection.export.vouchers", { count: record.vouchers.length })}
      </Text>
    </PdfFrame>
  );
}

/** The consents given (with the partners each named) and the referrals made: to whom, when, which sections. */
function ConsentsAndReferrals({ locale, record }: { locale: Locale; record: Export }) {
  const t = pdfT(locale);
  const yes = (b: boolean) => t(b ? "form.yes" : "form.no");
  return (
    <>
      <Text style={pdfStyles.h2}>{t("protection.consent.title")}</Text>
      {record.consents.map((k) => (
        <Text key={k.id} style={pdfStyles.p}>
          {pdfDate(locale, k.givenAt)} · {labelled(t, "protection.consent.services")} {yes(k.services)} ·{" "}
          {labelled(t, "protection.consent.referral")} {yes(k.referral)} · {labelled(t, "protection.consent.reporting")}{" "}
          {yes(k.anonymisedReporting)}
          {k.withdrawnAt ? ` · ${t("protection.consent.withdrawn")} ${pdfDate(locale, k.withdrawnAt)}` : ""}
          {k.referral
            ? ` · ${labelled(t, "protection.consent.partnersLabel")} ${
                k.partners.length
                  ? k.partners.map((p) => isolate(p.name)).join(" · ")
                  : t("protection.consent.partnersNone")
              }`
            : ""}
        </Text>
      ))}
      <Text style={pdfStyles.h2}>{t("protection.referral.title")}</Text>
      {record.referrals.length === 0 ? <Text style={pdfStyles.p}>{t("protection.export.noReferral")}</Text> : null}
      {record.referrals.map((r) => (
        <View key={r.id} wrap={false}>
          <Text style={pdfStyles.p}>
            {t(`protection.referral.sentTo.${r.kind}`, { to: r.toName })} · {pdfDate(locale, r.createdAt)} ·{" "}
            {t(`protection.referral.status.${r.status}`)}
            {r.decidedAt ? ` ${pdfDate(locale, r.decidedAt)}` : ""}
          </Text>
          <Text style={[pdfStyles.p, pdfStyles.muted]}>
            {labelled(t, "protection.referral.shareLabel")}{" "}
            {r.sharedSections.length
              ? r.sharedSections.map((k) => t(`protection.referral.share.${k}`)).join(" · ")
              : t("protection.referral.sharedNone")}
          </Text>
        </View>
      ))}
    </>
  );
}
