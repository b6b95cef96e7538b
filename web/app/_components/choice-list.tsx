// A list of big tappable choices (radio semantics) for the booking steps.
export interface Choice {
  value: string;
  label: string;
  hint?: string | null;
}

export function ChoiceList({
  label,
  choices,
  value,
  onChange,
}: {
  label: string;
  choices: Choice[];
  value: string | null;
  onChange: (v: string) => void;
}) {
  return (
    <div role="radiogroup" aria-label={label} className="space-y-2">
      {choices.map((c) => (
        <button
          key={c.value}
          type="button"
          role="radio"
          aria-checked={value === c.value}
          onClick={() => onChange(c.value)}
          className="block w-full rounded-xl border border-slate-200 bg-white p-4 text-left shadow-sm hover:bg-brand-50 aria-checked:border-brand-700 aria-checked:ring-2 aria-checked:ring-brand-100"
        >
          <span className="block font-medium">{c.label}</span>
          {c.hint ? <span className="mt-0.5 block text-sm text-slate-600">{c.hint}</span> : null}
        </button>
      ))}
    </div>
  );
}
