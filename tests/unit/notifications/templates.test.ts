/**
 * Every SMS template, in every language, within two segments with realistic content:
 * a long call or training title, a full name, a place, a code, an amount, a date and a time.
 */
import { describe, expect, it } from "vitest";
import { serverT } from "../../../app/i18n/dictionaries.server";
import { LOCALES } from "../../../app/i18n/config";
import { CASE_SMS_TEMPLATES, NOTIFICATION_KINDS } from "../../../app/modules/notifications/kinds";
import { MAX_TEMPLATE_SEGMENTS, smsSize } from "../../../app/modules/notifications/rules";
import { smsText } from "../../../app/modules/notifications/service.server";

const REALISTIC = {
  fr: {
    call: "Appel à projets 2026 : activités génératrices de revenus pour les jeunes et les migrants",
    reason: "capacité de l'association",
    urgency: "immédiate",
    training: "Compétences de vie et préparation à l'entretien d'embauche (session de printemps)",
    offer: "Assistant·e de gestion administrative et comptable — Coopérative féminine d'Oujda",
    host: "Coopérative agricole et artisanale Al Baraka de Tiznit",
    place: "Maison des jeunes Hay Mohammadi, salle polyvalente, Casablanca",
  },
  ar: {
    call: "طلب مشاريع 2026: أنشطة مدرة للدخل لفائدة الشباب والمهاجرين في جهات الرباط وطنجة ووجدة",
    reason: "انتقل الشخص إلى مكان آخر",
    urgency: "مستعجل",
    training: "المهارات الحياتية والاستعداد لمقابلة العمل (الدورة الربيعية)",
    offer: "مساعد(ة) في التسيير الإداري والمحاسبي — تعاونية نسائية بوجدة",
    host: "التعاونية الفلاحية والحرفية البركة بتزنيت",
    place: "دار الشباب الحي المحمدي، القاعة متعددة الاختصاصات، الدار البيضاء",
  },
  en: {
    call: "Call for proposals 2026: income-generating activities for young people and migrants",
    reason: "specialised service",
    urgency: "emergency",
    training: "Life skills and job interview preparation (spring session, Rabat and Oujda)",
    offer: "Administrative and accounting assistant — women's cooperative of Oujda",
    host: "Al Baraka farming and crafts cooperative of Tiznit",
    place: "Hay Mohammadi youth centre, multipurpose hall, Casablanca",
  },
} as const;

/** Every placeholder a message may carry, with realistic values of that language. */
const paramsOf = (locale: (typeof LOCALES)[number]) => ({
  ...REALISTIC[locale],
  code: "482913",
  amount: "12 500,00 MAD",
  date: "27/03/2026",
  time: "10:30",
});

describe("SMS templates", () => {
  it("stay within two segments in every language", () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const t = serverT(locale);
      const params = paramsOf(locale);
      const keys = [
        ...Object.values(NOTIFICATION_KINDS).map((k) => k.sms),
        ...Object.values(CASE_SMS_TEMPLATES).map((k) => k.sms),
        "notify.passwordSetup.sms" as const,
      ];
      for (const key of keys) {
        const secrets = key === "notify.passwordSetup.sms" ? ["abcd-efgh-ijkl-mnop"] : ["482913"];
        const text = smsText(t, key, { ...params, code: secrets[0]! }, secrets);
        expect(text).not.toMatch(/\{\w+\}/);
        const size = smsSize(text);
        if (size.segments > MAX_TEMPLATE_SEGMENTS) problems.push(`${locale} ${key}: ${size.segments} (${text})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("every kind has its in-app, subject and e-mail texts in every language, each placeholder filled", () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const t = serverT(locale);
      const params = { ...paramsOf(locale), link: "https://masar.example.org/set-password" };
      for (const [name, spec] of Object.entries(NOTIFICATION_KINDS)) {
        for (const key of [spec.inApp, spec.subject, spec.body]) {
          const text = t(key, params);
          if (!text.trim() || text === key || /\{\w+\}/.test(text))
            problems.push(`${locale} ${name}: ${key} → ${text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("clip titles, not codes", () => {
    const t = serverT("ar");
    const text = smsText(t, "notify.phoneCode.sms", { code: "482913" }, ["482913"]);
    expect(text).toContain("482913");
    const long = smsText(t, "notify.trainingSeat.sms", { training: REALISTIC.ar.training });
    expect(long).not.toContain(REALISTIC.ar.training);
    expect(long).toContain("...");
  });
});
