"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { activeSection, NAV_LINKS } from "./nav-links";

/**
 * The console's main navigation: one link per section, the current one marked with aria-current="page" (read
 * out by screen readers, and what the underline shows). Plain links in a list, so Tab reaches each in order.
 */
export function MainNav() {
  const active = activeSection(usePathname());
  return (
    <nav aria-label="Main" className="-mb-px">
      <ul className="flex items-stretch gap-1">
        {NAV_LINKS.map((link) => {
          const current = link.href === active;
          return (
            <li key={link.href} className="flex">
              <Link
                href={link.href}
                title={link.description}
                aria-current={current ? "page" : undefined}
                className={`flex items-center border-b-2 px-3 py-2 text-sm font-medium transition-colors focus-visible:rounded-md focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-sky-300 ${
                  current ? "border-sky-300 text-frame-fg" : "border-transparent text-frame-muted hover:border-frame-edge hover:text-frame-fg"
                }`}
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
