/**
 * `translateParts` is `translate` in pieces: the message's words and each value apart,
 * so `<Message>` can put every value in its own `<bdi>` (a Latin name in an Arabic
 * confirmation question). Joined, the pieces are exactly the translated text.
 */
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { ar } from "../../../app/i18n/locales/ar/index";
import { fr } from "../../../app/i18n/locales/fr/index";
import { I18nProvider } from "../../../app/i18n/i18n-context";
import { Message } from "../../../app/components/message";
import { translate, translateParts, type MessageKey, type TParams } from "../../../app/i18n/translate";

const join = (parts: ReturnType<typeof translateParts>) =>
  parts.map((p) => (typeof p === "string" ? p : p.value)).join("");

describe("a message in pieces", () => {
  it("keeps each value apart and joins to what translate() writes", () => {
    const params = { name: "Awa Diallo", coach: "Karim" };
    const parts = translateParts(ar, "ar", "coaching.confirmEnd.title", params);
    expect(parts.filter((p) => typeof p !== "string")).toEqual([
      { param: "name", value: "Awa Diallo" },
      { param: "coach", value: "Karim" },
    ]);
    expect(join(parts)).toBe(translate(ar, "ar", "coaching.confirmEnd.title", params));
  });

  it("resolves plural blocks first and leaves an unknown placeholder as written", () => {
    const cases: Array<[MessageKey, TParams | undefined]> = [
      ["protection.admin.confirmApply.title", { count: 2 }],
      ["protection.admin.confirmApply.title", { count: 1 }],
      ["grants.check.title", undefined],
      ["aid.correct.title", {}],
    ];
    for (const [key, params] of cases) {
      for (const [locale, messages] of [
        ["fr", fr],
        ["ar", ar],
      ] as const) {
        expect(join(translateParts(messages, locale, key, params))).toBe(translate(messages, locale, key, params));
      }
    }
    expect(translate(fr, "fr", "aid.correct.title", {})).toContain("{name}");
  });
});

describe("<Message>", () => {
  it("puts each value of an Arabic sentence in a <bdi>", () => {
    const message = createElement(Message, {
      id: "protection.confirm.anonymise.title",
      values: { name: "Fatoumata Camara" },
    });
    const html = renderToStaticMarkup(createElement(I18nProvider, { locale: "ar", messages: ar, children: message }));
    const [before, after] = ar["protection.confirm.anonymise.title"].split("{name}");
    expect(html).toBe(`${before}<bdi>Fatoumata Camara</bdi>${after}`);
  });
});
