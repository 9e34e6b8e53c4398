// istiod's push debounce: a config or endpoint change is pushed to the proxies once no other change has come for
// PILOT_DEBOUNCE_AFTER (100 ms), or at the latest PILOT_DEBOUNCE_MAX (10 s) after the first change of the burst.
// Until that push, proxies keep routing with what they had, which is why scaling a Deployment to zero loses the
// requests sent in the moment between the endpoints leaving and the push.
export const DEBOUNCE_AFTER_MS = 100;
export const DEBOUNCE_MAX_MS = 10_000;

export interface PushDebouncer {
  /** A change happened: (re)start the quiet period, keeping the burst's deadline. */
  changed(): void;
  /** Push now if anything is pending (used at stop, and by tests that must not wait). */
  flush(): void;
  stop(): void;
}

export function createPushDebouncer(push: () => void, quietMs = DEBOUNCE_AFTER_MS, maxMs = DEBOUNCE_MAX_MS): PushDebouncer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt: number | undefined;
  let stopped = false;

  const fire = (): void => {
    timer = undefined;
    firstChangeAt = undefined;
    push();
  };
  return {
    changed() {
      if (stopped) return;
      const now = Date.now();
      firstChangeAt ??= now;
      if (timer) clearTimeout(timer);
      const wait = Math.max(0, Math.min(quietMs, firstChangeAt + maxMs - now));
      timer = setTimeout(fire, wait);
      timer.unref?.();
    },
    flush() {
      if (!timer) return;
      clearTimeout(timer);
      fire();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
