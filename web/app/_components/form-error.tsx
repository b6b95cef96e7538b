// The message shown above a form when the whole submission failed (not one field).
export function FormError({ message, children }: { message?: string | null; children?: React.ReactNode }) {
  if (!message && !children) return null;
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
      {children}
    </div>
  );
}

/** A success / info notice, same shape as FormError. */
export function FormNotice({ children }: { children: React.ReactNode }) {
  return (
    <div role="status" className="rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
      {children}
    </div>
  );
}
