// The one look of loading, not-found, forbidden and error screens: a status word, a heading, a sentence
// and the ways out. Works in server and client components.
export function StatusScreen(props: {
  status?: string;
  title: string;
  body: string;
  children?: React.ReactNode;
  /** Full-height and centred when the screen replaces a whole page (no shell around it). */
  fullPage?: boolean;
}) {
  return (
    <div
      className={`mx-auto flex max-w-md flex-col gap-4 px-4 ${props.fullPage ? "min-h-screen justify-center py-12" : "py-8"}`}
    >
      {props.status ? (
        <p className="text-sm font-semibold uppercase tracking-wide text-red-700">{props.status}</p>
      ) : null}
      <h1 className="text-2xl font-semibold">{props.title}</h1>
      <p className="break-words text-slate-600">{props.body}</p>
      {props.children ? <div className="flex flex-col gap-2 sm:flex-row">{props.children}</div> : null}
    </div>
  );
}
