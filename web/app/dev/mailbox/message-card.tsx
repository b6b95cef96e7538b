// One outbox message: header facts, the text body with clickable links, the HTML in a sandboxed frame.
import type { DevMailboxMessage } from "@/lib/dev-mailbox/list-dev-mailbox";

const urlPattern = /(https?:\/\/[^\s<>"')\]]+)/g;

function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(urlPattern);
  return (
    <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm text-slate-800">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all text-brand-700 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export function MessageCard({ message: m }: { message: DevMailboxMessage }) {
  return (
    <article className="rounded-xl bg-white p-4 shadow-sm" data-testid="mailbox-message">
      <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 className="font-semibold">{m.subject}</h2>
        <time className="text-xs text-slate-500" dateTime={m.createdAt}>
          {m.createdAt.replace("T", " ").slice(0, 19)} UTC
        </time>
      </header>
      <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <div>
          <dt className="inline">To: </dt>
          <dd className="inline break-all">{m.recipient}</dd>
        </div>
        <div>
          <dt className="inline">Channel: </dt>
          <dd className="inline">{m.channel}</dd>
        </div>
        <div>
          <dt className="inline">Status: </dt>
          <dd className="inline">{m.status}</dd>
        </div>
        <div>
          <dt className="inline">Template: </dt>
          <dd className="inline">
            {m.template} ({m.locale})
          </dd>
        </div>
      </dl>
      <LinkifiedText text={m.text} />
      {m.html && m.channel === "email" ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-600">HTML version</summary>
          {/* sandbox without allow-scripts: the HTML cannot run code or reach this page. */}
          <iframe
            title={`HTML of ${m.subject}`}
            sandbox=""
            srcDoc={m.html}
            className="mt-2 h-72 w-full rounded border border-slate-200 bg-white"
          />
        </details>
      ) : null}
    </article>
  );
}
