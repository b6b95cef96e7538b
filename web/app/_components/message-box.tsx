"use client";
// A required free-text message typed before a step that tells the other side why (cancel, decline).
export function MessageBox(props: {
  label: string;
  maxLength: number;
  rows: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="block text-sm font-medium text-slate-800">
      {props.label}
      <textarea
        required
        maxLength={props.maxLength}
        rows={props.rows}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-base"
      />
    </label>
  );
}
