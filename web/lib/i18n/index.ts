// Tiny typed i18n: each domain keeps its own message file (web/lib/i18n/messages/<domain>.ts) with the
// same keys in English and Spanish; the compiler rejects a Spanish table missing a key.
export const locales = ["en", "es"] as const;
export type Locale = (typeof locales)[number];

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (locales as readonly string[]).includes(v);
}

export interface Messages<K extends string> {
  en: Record<K, string>;
  es: Record<K, string>;
}

export function defineMessages<const K extends string>(m: {
  en: Record<K, string>;
  es: NoInfer<Record<K, string>>;
}): Messages<K> {
  return m;
}

export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

export function translator<K extends string>(locale: Locale, messages: Messages<K>): Translate<K> {
  return (key, vars) => {
    const template = messages[locale][key] ?? messages.en[key] ?? key;
    return vars
      ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
      : template;
  };
}

/** A signed-in user's own choice wins; otherwise the clinic's default; otherwise English. */
export function resolveLocale(
  userLocale?: string | null,
  clinicDefault?: string | null,
  cookieLocale?: string | null,
): Locale {
  if (isLocale(userLocale)) return userLocale;
  if (isLocale(cookieLocale)) return cookieLocale;
  if (isLocale(clinicDefault)) return clinicDefault;
  return "en";
}
