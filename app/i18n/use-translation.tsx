import { createContext, useContext, useMemo, type ReactNode } from "react";
import { messagesByLocale, translate, type Locale, type MessageKey } from "./i18n";

const LocaleContext = createContext<Locale>("en");

export function TranslationProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useTranslation() {
  const locale = useContext(LocaleContext);
  return useMemo(() => {
    const messages = messagesByLocale[locale];
    return { locale, t: (key: MessageKey, values?: Record<string, string | number>) => translate(messages, key, values) };
  }, [locale]);
}
