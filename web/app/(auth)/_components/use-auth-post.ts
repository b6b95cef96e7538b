"use client";
// The pending flag and the error message key that every auth form keeps around one better-auth call.
import { useState } from "react";
import { authErrorKey, authPost, type AuthResult } from "@/lib/auth/auth-request";
import type { AuthMessageKey } from "@/lib/i18n/messages/auth";

export function useAuthPost() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AuthMessageKey | null>(null);

  /**
   * Posts to /api/auth{path}. A failure keeps its message key; success clears pending unless the form is about
   * to leave the page (`stayPending`), so the button cannot be pressed twice during the navigation.
   */
  async function post(path: string, body: Record<string, unknown>, stayPending = false): Promise<AuthResult> {
    setPending(true);
    setError(null);
    const r = await authPost(path, body);
    if (!r.ok) setError(authErrorKey(r));
    if (!r.ok || !stayPending) setPending(false);
    return r;
  }

  return { pending, setPending, error, setError, post };
}
