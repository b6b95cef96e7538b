"use client";
// Opens the browser's print dialog; hidden on the printed page itself.
import { Button } from "@/app/_components/button";

export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
