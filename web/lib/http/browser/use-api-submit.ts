"use client";
// One form's (or button's) call to a JSON route: pending while it runs, the message to show when it fails and
// each field's messages. The component says how an error reads for its reader (`describe`); returning null
// shows no message (the component shows something else, e.g. the next free times after SLOT_TAKEN).
import { useCallback, useState } from "react";
import type { ApiError, ApiResult } from "./call-api";

export type DescribeApiError = (error: ApiError) => string | null;

export interface ApiSubmit {
  pending: boolean;
  /** The message for the last failure, or null. */
  error: string | null;
  /** Field name -> messages from the last failure. */
  fields: Record<string, string[]>;
  /** Runs the call; the result comes back too, for what to do on success. Ignored while one is pending. */
  submit: <T>(call: () => Promise<ApiResult<T>>) => Promise<ApiResult<T> | null>;
  /** Clears the message and field errors (e.g. when the form is edited again). */
  reset: () => void;
}

export function useApiSubmit(describe: DescribeApiError): ApiSubmit {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});

  const submit = useCallback(
    async <T>(call: () => Promise<ApiResult<T>>): Promise<ApiResult<T> | null> => {
      if (pending) return null;
      setPending(true);
      setError(null);
      try {
        const result = await call();
        setFields(result.ok ? {} : result.error.fields);
        setError(result.ok ? null : describe(result.error));
        return result;
      } finally {
        setPending(false);
      }
    },
    [pending, describe],
  );

  const reset = useCallback(() => {
    setError(null);
    setFields({});
  }, []);

  return { pending, error, fields, submit, reset };
}

/** The usual wording: "fix the fields" for bad input, else the server's message, else a generic line. */
export function describeWith(messages: { fixErrors: string; failed: string }): DescribeApiError {
  return (error) => (error.code === "INVALID_INPUT" ? messages.fixErrors : error.message || messages.failed);
}
