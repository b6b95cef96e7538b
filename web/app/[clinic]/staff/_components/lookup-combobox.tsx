"use client";
// The front-desk search as an ARIA combobox: answers as staff type (debounced; a newer keystroke aborts the
// older request), arrow keys move through the results, Enter chooses, Escape closes. Enter pressed before the
// answer to what is typed has arrived chooses its first result when it arrives (typing on, Escape or leaving the
// box cancels that), and never a result still shown from an older text. The staff header uses it
// to open a client or a pet's chart; the staff booking form uses it to pick the pet; the invoice editor asks
// for clients only (`kind`), so the server's limit is not spent on pets.
import { useEffect, useEffectEvent, useId, useRef, useState } from "react";
import { translator, type Locale } from "@/lib/i18n";
import { lookupMessages } from "@/lib/i18n/messages/lookup";
import { petMessages } from "@/lib/i18n/messages/pets";
import { callApi } from "@/lib/http/browser/call-api";

export interface LookupItem {
  kind: "client" | "pet";
  id: string;
  label: string;
  clientId: string;
  clientName: string;
  phone: string | null;
  email: string | null;
  species: string | null;
  microchip: string | null;
  archived: boolean;
}

interface Props {
  clinicSlug: string;
  locale: Locale;
  label: string;
  /** What can be typed, read by screen readers after the label. */
  hint: string;
  placeholder: string;
  onChoose: (item: LookupItem) => void;
  /** Search one kind only, on the server. */
  kind?: "client" | "pet";
  /** What the box shows at first (a choice made on the server, e.g. from the URL). */
  initialText?: string;
  /** Which results may be chosen here (the booking form leaves archived pets out). */
  accept?: (item: LookupItem) => boolean;
  /** `/` anywhere on the page (outside a text field) focuses this box. */
  slashToFocus?: boolean;
  /** Clear the box after a choice (the header), or show the choice (a form). */
  clearOnChoose?: boolean;
}

type Status = "idle" | "loading" | "done" | "error";

export function LookupCombobox(props: Props) {
  const { clinicSlug, locale, onChoose, accept, slashToFocus, clearOnChoose, kind } = props;
  const t = translator(locale, lookupMessages);
  const tp = translator(locale, petMessages);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(props.initialText ?? "");
  const [items, setItems] = useState<LookupItem[]>([]);
  const [status, setStatus] = useState<Status>("idle");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // the text the shown results answer (null while none do), and the text Enter was pressed on before its answer
  const [resultsFor, setResultsFor] = useState<string | null>(null);
  const enterPending = useRef<string | null>(null);
  const typed = useRef(false);

  const takePendingEnter = useEffectEvent((term: string, found: LookupItem[]) => {
    if (enterPending.current !== term) return;
    enterPending.current = null;
    const first = (accept ? found.filter(accept) : found)[0];
    if (first) choose(first);
  });

  useEffect(() => {
    const term = q.trim();
    // the text a choice made on the server shows is not a search: nothing to ask until someone types
    if (!term || !typed.current) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus("loading");
      const params = new URLSearchParams({ q: term.slice(0, 100), limit: "8" });
      if (kind) params.set("kind", kind);
      const r = await callApi<{ items: LookupItem[] }>(`/api/clinics/${clinicSlug}/lookup?${params.toString()}`, {
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      const found = r.ok ? r.data.items : [];
      setItems(found);
      setResultsFor(r.ok ? term : null);
      // nothing highlighted until an arrow key (the APG list-autocomplete pattern); Enter then takes the first
      setActive(-1);
      setStatus(r.ok ? "done" : "error");
      if (r.ok) takePendingEnter(term, found);
      else enterPending.current = null;
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, clinicSlug, kind]);

  useEffect(() => {
    if (!slashToFocus) return;
    function onKey(e: KeyboardEvent) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName))) return;
      e.preventDefault();
      input.current?.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [slashToFocus]);

  function choose(item: LookupItem) {
    enterPending.current = null;
    setOpen(false);
    setQ(clearOnChoose ? "" : item.label);
    setItems([]);
    setResultsFor(null);
    setStatus("idle");
    onChoose(item);
  }

  const shown = accept ? items.filter(accept) : items;

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (!shown.length) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i < 0 && step < 0 ? shown.length - 1 : (i + step + shown.length) % shown.length));
    } else if (e.key === "Enter") {
      const term = q.trim();
      if (!open || !term) return;
      e.preventDefault();
      // results for an older text are still on screen while the new search runs: wait for the new ones instead
      const current = status === "done" && resultsFor === term;
      const item = current ? (shown[active] ?? shown[0]) : undefined;
      if (item) choose(item);
      else if (!current) enterPending.current = term;
    } else if (e.key === "Escape") {
      enterPending.current = null;
      // the browser's own Escape on a search field clears it; here the first Escape only closes the list
      e.preventDefault();
      if (open) setOpen(false);
      else setQ("");
    }
  }

  function secondary(item: LookupItem): string {
    if (item.kind === "pet") {
      const species = item.species ? tp(`species.${item.species}` as "species.dog") : "";
      const parts = [t("petOf", { species, owner: item.clientName })];
      if (item.microchip) parts.push(t("chip", { chip: item.microchip }));
      if (item.archived) parts.push(t("archived"));
      return parts.join(" · ");
    }
    return [item.phone, item.email].filter(Boolean).join(" · ");
  }

  const term = q.trim();
  const showList = open && term.length > 0 && status !== "idle";
  const optionId = (i: number) => `${listId}-o${i}`;
  let statusText = "";
  if (term && status === "loading") statusText = t("searching");
  else if (term && status === "error") statusText = t("failed");
  else if (term && status === "done") statusText = shown.length ? t("count", { n: shown.length }) : t("none");

  return (
    <div className="relative">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label={props.label}
        aria-describedby={`${listId}-hint`}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        aria-keyshortcuts={slashToFocus ? "/" : undefined}
        autoComplete="off"
        placeholder={props.placeholder}
        value={q}
        onChange={(e) => {
          typed.current = true;
          enterPending.current = null;
          setQ(e.target.value);
          setOpen(true);
          if (!e.target.value.trim()) {
            setItems([]);
            setStatus("idle");
          }
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          enterPending.current = null;
          setOpen(false);
        }}
        className="min-h-11 w-full rounded-lg border border-slate-300 px-3 text-base"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t("results")}
        hidden={!showList || shown.length === 0}
        className="absolute left-0 right-0 z-20 mt-1 max-h-96 overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
      >
        {shown.map((item, i) => (
          <li
            key={`${item.kind}:${item.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: choosing must happen before the input's blur closes the list
            onMouseDown={(e) => (e.preventDefault(), choose(item))}
            onMouseEnter={() => setActive(i)}
            className="cursor-pointer px-3 py-2 text-sm aria-selected:bg-brand-50"
          >
            <span className="font-medium text-slate-900">{item.label}</span>{" "}
            <span className="text-xs uppercase text-slate-500">{item.kind === "pet" ? t("pet") : t("client")}</span>
            <span className="block truncate text-slate-600">{secondary(item)}</span>
          </li>
        ))}
      </ul>
      <span id={`${listId}-hint`} className="sr-only">
        {props.hint}
      </span>
      {/* a live region without role=status: the page's own status messages stay the only "status" */}
      <p aria-live="polite" className={showList && shown.length === 0 ? "mt-1 text-sm text-slate-600" : "sr-only"}>
        {showList ? statusText : ""}
      </p>
    </div>
  );
}
