"use client";
// The staff navigation: a horizontally scrolling tab row on phones, a vertical list from md up.
import Link from "next/link";
import { usePathname } from "next/navigation";

export function StaffNav({
  links,
  label,
}: {
  links: { href: string; label: string; exact: boolean }[];
  label: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4 md:mx-0 md:overflow-visible md:px-0">
      <ul className="flex gap-1 md:flex-col">
        {links.map((link) => {
          const active = link.exact
            ? pathname === link.href
            : pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href} className="shrink-0">
              <Link
                href={link.href}
                aria-current={active ? "page" : undefined}
                className="flex min-h-11 items-center whitespace-nowrap rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-brand-50 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
