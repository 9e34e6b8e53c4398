import type { ReactNode } from "react";
import { UserMenu } from "../auth/user-menu";
import { ClustersIcon } from "../icons";
import { LiveSlot, LiveSlotProvider } from "./live-slot";
import { MainNav } from "./main-nav";

/**
 * The console's frame, around every page (the 404 and error pages included): a skip link, the brand, the main
 * navigation and the current page's live state. It lives in the root layout, so it stays mounted across
 * navigations; the header keeps its dark colours in both schemes (frame-* theme colours, not remapped).
 */
export function AppFrame({ children }: { children: ReactNode }) {
  return (
    <LiveSlotProvider>
      <a
        href="#content"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:outline-2 focus:outline-indigo-500"
      >
        Skip to content
      </a>
      <header className="border-b border-frame-edge bg-frame text-frame-fg">
        <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-1 px-6">
          <div className="flex items-center gap-6 self-stretch">
            <p className="flex items-center gap-3 text-[15px] font-semibold tracking-tight">
              <span className="flex size-8 items-center justify-center rounded-lg bg-indigo-500/20 text-sky-300">
                <ClustersIcon className="size-5" />
              </span>
              Eastwest Console
            </p>
            <MainNav />
          </div>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1"><LiveSlot /><UserMenu /></div>
        </div>
      </header>
      {/* The skip link's target: focusable by script only, so Tab order stays the page's own. */}
      <div id="content" tabIndex={-1} className="outline-none">
        {children}
      </div>
    </LiveSlotProvider>
  );
}
