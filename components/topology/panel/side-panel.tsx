"use client";

import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { useReturnFocus } from "../../use-return-focus";

/**
 * The topology page's side panel: a non-modal dialog on the right (the graph stays usable beside it), closed by
 * Escape or its Close button — not by a click elsewhere, which selects another node instead. Focus goes back to
 * what opened it (use-return-focus.ts). Its accessible name is its title (Radix labels the dialog by it); `label`
 * describes it to screen readers when there is no visible description.
 */
export function SidePanel({ title, description, onClose, children, label }: { title: ReactNode; description?: ReactNode; onClose: () => void; children: ReactNode; label: string }) {
  const returnFocus = useReturnFocus();
  return (
    <Dialog.Root open modal={false} onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Content
          {...returnFocus}
          onInteractOutside={(event) => event.preventDefault()}
          className="fixed top-14 right-0 bottom-0 z-40 flex w-full max-w-xl flex-col border-l border-slate-200 bg-white shadow-xl focus:outline-none"
        >
          <div className="flex items-start justify-between gap-4 border-b border-slate-100 px-5 py-4">
            <div className="min-w-0">
              <Dialog.Title className="text-base font-semibold break-all text-slate-900">{title}</Dialog.Title>
              {description ? <Dialog.Description asChild><div className="mt-1 text-sm text-slate-600">{description}</div></Dialog.Description> : <Dialog.Description className="sr-only">{label}</Dialog.Description>}
            </div>
            <Dialog.Close className="shrink-0 rounded-md px-2 py-1 text-sm text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500">
              Close
            </Dialog.Close>
          </div>
          <div className="flex-1 overflow-y-auto px-5 py-4">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
