// A page section named by its own heading (aria-labelledby), so screen readers list it by that name.
export function HeadedSection(props: {
  id: string;
  title: React.ReactNode;
  className: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={props.id} className={props.className}>
      <h2 id={props.id} className="text-lg font-semibold">
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
