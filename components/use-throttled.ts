"use client";

import { useEffect, useState } from "react";

/**
 * Runs the latest callback at most once per `gapMs` (trailing), so a burst of fleet events costs one refetch.
 * The pending run is cancelled when the component unmounts.
 */
export function useThrottled(gapMs: number): (fn: () => void) => void {
  const [throttle] = useState(() => throttled(gapMs));
  useEffect(() => throttle.cancel, [throttle]);
  return throttle.run;
}

function throttled(gap: number) {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    run(fn: () => void) {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        last = Date.now();
        fn();
      }, Math.max(0, last + gap - Date.now()));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
