// A double click never applies twice: concurrent calls with the same key share one in-flight promise, and the
// key is released as soon as it settles (a later, deliberate re-apply runs again — server-side apply of the
// same configuration is a no-op on the cluster anyway, so this only saves the duplicate request and result).
export type InFlight = <T>(key: string, run: () => Promise<T>) => Promise<T>;

export function createInFlight(): InFlight {
  const running = new Map<string, Promise<unknown>>();
  return <T>(key: string, run: () => Promise<T>): Promise<T> => {
    const existing = running.get(key);
    if (existing) return existing as Promise<T>;
    const started = run().finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };
}
