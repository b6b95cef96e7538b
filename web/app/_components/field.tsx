// A labelled input with its error message wired up for screen readers. Works in server and client components.
import { useId } from "react";

interface FieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  /** Error text for this field (from zod field errors or the server). */
  error?: string | string[] | null;
  hint?: string;
}

export function Field({ label, name, error, hint, className = "", id, ...rest }: FieldProps) {
  const generated = useId();
  const inputId = id ?? `${name}-${generated}`;
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy =
    [hint ? `${inputId}-hint` : null, message ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`.trim()}>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy}
        className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-600"
        {...rest}
      />
      {hint ? (
        <p id={`${inputId}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={`${inputId}-error`} className="text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
