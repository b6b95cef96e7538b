// The one place the auth forms state the new-password rules the browser checks before better-auth does.
import { Field } from "@/app/_components/field";

export function NewPasswordField({ label, hint }: { label: string; hint: string }) {
  return (
    <Field
      label={label}
      name="password"
      type="password"
      autoComplete="new-password"
      required
      minLength={8}
      maxLength={128}
      hint={hint}
    />
  );
}
