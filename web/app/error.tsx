"use client";
import { ErrorScreen } from "@/app/_components/error-screen";

export default function Error(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main>
      <ErrorScreen error={props.error} reset={props.reset} fullPage />
    </main>
  );
}
