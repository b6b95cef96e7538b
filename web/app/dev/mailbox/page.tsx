// /dev/mailbox - every message the app would have sent, newest first (local demo, from this machine only).
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { asSystem } from "@/lib/db/context";
import { canOpenDevMailbox } from "@/lib/dev-mailbox/dev-mailbox-access";
import { listDevMailbox } from "@/lib/dev-mailbox/list-dev-mailbox";
import { env } from "@/lib/env";
import { MessageCard } from "./message-card";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function DevMailboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!canOpenDevMailbox(await headers())) notFound();
  const sp = await searchParams;
  const to = typeof sp.to === "string" && sp.to.trim() && sp.to.length <= 320 ? sp.to.trim() : undefined;
  const messages = await asSystem((db) => listDevMailbox(db, { to }, env().APP_URL));
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-2xl font-semibold text-brand-700">Development mailbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        Emails and SMS written to the outbox, rendered as the recipient would see them. Latest 100
        {to ? ` for ${to}` : ""}.
      </p>
      <form className="mt-4 flex gap-2" action="/dev/mailbox">
        <label htmlFor="mailbox-to" className="sr-only">
          Recipient
        </label>
        <input
          id="mailbox-to"
          name="to"
          type="search"
          defaultValue={to}
          placeholder="recipient@example.test"
          className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3"
        />
        <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-4 text-sm font-medium text-white">
          Filter
        </button>
      </form>
      {messages.length === 0 ? <p className="mt-6 text-slate-600">No messages yet.</p> : null}
      <ol className="mt-6 space-y-4">
        {messages.map((m) => (
          <li key={m.id}>
            <MessageCard message={m} />
          </li>
        ))}
      </ol>
    </main>
  );
}
