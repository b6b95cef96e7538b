"use client";
// Opens the browser's print dialog for the day sheet (the page's print styles hide everything else).
import { Button } from "@/app/_components/button";

export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
