"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while the server renders and the browser hydrates, true afterwards. A button rendered by the server has no
 * handler until hydration, so a click before it is silently lost; controls that act disable themselves until then.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
