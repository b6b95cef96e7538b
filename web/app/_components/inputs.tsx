// Select, textarea and checkbox in the style of the shared Field (which only renders <input>).
import { useId } from "react";

const control =
  "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-600";

function ErrorText({ id, error }: { id: string; error?: string[] }) {
  return error?.[0] ? (
    <p id={id} className="text-sm text-red-700">
      {error[0]}
    </p>
  ) : null;
}

export function SelectField(props: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: string[];
  required?: boolean;
}) {
  const id = `${props.name}-${useId()}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        className={control}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`} error={props.error} />
    </div>
  );
}

export function TextAreaField(props: {
  label: string;
  name: string;
  defaultValue?: string;
  error?: string[];
  maxLength?: number;
}) {
  const id = `${props.name}-${useId()}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <textarea
        id={id}
        name={props.name}
        rows={3}
        maxLength={props.maxLength}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        className={control}
      />
      <ErrorText id={`${id}-error`} error={props.error} />
    </div>
  );
}

export function CheckboxField(props: { label: string; name: string; defaultChecked?: boolean }) {
  const id = `${props.name}-${useId()}`;
  return (
    <div className="flex min-h-11 items-start gap-3">
      <input
        id={id}
        type="checkbox"
        name={props.name}
        defaultChecked={props.defaultChecked}
        className="mt-1 size-5 accent-brand-700"
      />
      <label htmlFor={id} className="text-sm text-slate-800">
        {props.label}
      </label>
    </div>
  );
}
