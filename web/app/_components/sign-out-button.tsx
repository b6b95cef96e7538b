"use client";
// Signs out through better-auth's endpoint (clears the session row and cookies), then goes to `to`.
import { useState } from "react";
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
    await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => undefined);
    window.location.assign(to);
  }

  return (
    <Button variant={variant} pending={pending} onClick={signOut} className={className}>
      {label}
    </Button>
  );
}
