import { createContext, useContext, useMemo, type ReactNode } from "react";
import { direction, type Locale } from "./config";
import {
  formatDate,
  formatNumber,
  translate,
  translateParts,
  type MessageKey,
  type MessageValue,
  type Messages,
  type TFunction,
  type TParams,
} from "./translate";
import { formatMoney } from "~/lib/money";

type I18n = {
  locale: Locale;
  dir: "rtl" | "ltr";
  t: TFunction;
  /** `t` in pieces, the values apart (for `<Message>`, which isolates them) */
  tParts: (key: MessageKey, params?: TParams) => Array<string | MessageValue>;
  formatDate: (value: Date | string, withTime?: boolean) => string;
  formatNumber: (value: number) => string;
  formatMoney: (centimes: number) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: ReactNode;
}) {
  const value = useMemo<I18n>(
    () => ({
      locale,
      dir: direction(locale),
      t: (key, params) => translate(messages, locale, key, params),
      tParts: (key, params) => translateParts(messages, locale, key, params),
      formatDate: (v, withTime) => formatDate(locale, v, withTime),
      formatNumber: (v) => formatNumber(locale, v),
      formatMoney: (c) => formatMoney(locale, c),
    }),
    [locale, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}

export function useT(): TFunction {
  return useI18n().t;
}
