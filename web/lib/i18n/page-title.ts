// A page's <title> in the reader's language: `export const generateMetadata = pageTitle(messages, "key")`.
import "server-only";
import type { Metadata } from "next";
import { getPageLocale } from "@/lib/auth/get-page-locale";
import { translator, type Messages } from "@/lib/i18n";

export function pageTitle<K extends string>(messages: Messages<K>, key: NoInfer<K>): () => Promise<Metadata> {
  return async () => ({ title: translator(await getPageLocale(), messages)(key) });
}
