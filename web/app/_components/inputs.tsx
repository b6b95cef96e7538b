// Select, textarea and checkbox in the style of the shared Field (which only renders <input>).
import { useId } from "react";

const control =
  "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-600";

/** The label above a control and the first error below it; `control` gets the id and the aria wiring. */
function Labelled(props: {
  label: string;
  name: string;
  error?: string[];
  control: (wiring: {
    id: string;
    name: string;
    className: string;
    "aria-invalid"?: true;
    "aria-describedby"?: string;
  }) => React.ReactNode;
}) {
  const id = `${props.name}-${useId()}`;
  const message = props.error?.[0];
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {props.label}
      </label>
      {props.control({
        id,
        name: props.name,
        className: control,
        "aria-invalid": props.error ? true : undefined,
        "aria-describedby": props.error ? `${id}-error` : undefined,
      })}
      {message ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField(props: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: string[];
  required?: boolean;
}) {
  return (
    <Labelled
      {...props}
      control={(wiring) => (
        <select {...wiring} defaultValue={props.defaultValue} required={props.required}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function TextAreaField(props: {
  label: string;
  name: string;
  defaultValue?: string;
  error?: string[];
  maxLength?: number;
}) {
  return (
    <Labelled
      {...props}
      control={(wiring) => (
        <textarea {...wiring} rows={3} maxLength={props.maxLength} defaultValue={props.defaultValue} />
      )}
    />
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

/**
 * A labelled <select> that keeps the caller's id, classes and value handling (controlled or not), for forms
 * whose other code refers to the select by id; an error, when given, shows below it.
 */
export function LabelledSelect({
  label,
  id,
  error,
  children,
  ...select
}: React.SelectHTMLAttributes<HTMLSelectElement> & { label: string; id: string; error?: string | null }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} {...select}>
        {children}
      </select>
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
