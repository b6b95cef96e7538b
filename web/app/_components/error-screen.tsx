"use client";
// What error.tsx shows when a page throws: a sentence in the reader's language (never the error's own text,
// which may be internal), a retry that re-renders the segment, and a way home.
import { useEffect } from "react";
import { translator } from "@/lib/i18n";
import { commonMessages } from "@/lib/i18n/messages/common";
import { Button, ButtonLink } from "./button";
import { useLocale } from "./locale-provider";
import { StatusScreen } from "./status-screen";

export function ErrorScreen({ error, reset, fullPage }: { error: Error; reset: () => void; fullPage?: boolean }) {
  const t = translator(useLocale(), commonMessages);
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <StatusScreen title={t("error.title")} body={t("error.body")} fullPage={fullPage}>
      <Button onClick={reset}>{t("error.retry")}</Button>
      <ButtonLink href="/" variant="secondary">
        {t("error.home")}
      </ButtonLink>
    </StatusScreen>
  );
}
