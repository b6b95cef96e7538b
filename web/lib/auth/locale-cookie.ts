export const LOCALE_COOKIE = "vete_locale";
