/** Next calls this once per server process: start the fleet before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getRuntime } = await import("./server/runtime");
    getRuntime();
  }
}
