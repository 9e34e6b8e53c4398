"use client";

import { useRef } from "react";

/**
 * Focus goes back to what opened a dialog when it closes (WAI-ARIA dialog pattern). Radix does this only for its own
 * `Trigger`; the console's dialogs are opened from buttons of the page (controlled `open`), so without this focus
 * fell to <body> and a keyboard user lost their place. Spread the handlers on `Dialog.Content`: `onOpenAutoFocus`
 * runs before focus moves into the dialog, so the active element is still the opener.
 */
export function useReturnFocus(): { onOpenAutoFocus: () => void; onCloseAutoFocus: (event: Event) => void } {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    onCloseAutoFocus: (event) => {
      if (!opener.current?.isConnected) return;
      event.preventDefault();
      opener.current.focus();
      opener.current = null;
    },
  };
}
