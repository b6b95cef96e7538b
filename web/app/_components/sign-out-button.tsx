"use client";
// Signs out through better-auth's endpoint (clears the session row and cookies), then goes to `to`.
import { useState } from "react";
import { callApi } from "@/lib/http/browser/call-api";
import { Button } from "./button";

export function SignOutButton({
  label,
  to = "/",
  variant = "secondary",
  className,
}: {
  label: string;
  to?: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
}) {
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    // leave either way: a failed sign-out still ends on a page that shows whether the session is gone
    await callApi("/api/auth/sign-out", { method: "POST", body: {} });
    window.location.assign(to);
  }

  return (
    <Button variant={variant} pending={pending} onClick={signOut} className={className}>
      {label}
    </Button>
  );
}
