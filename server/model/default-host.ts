// The planner host a running process uses: the worker thread when it is built (npm run build, or
// build:worker), else the same planner on this thread — said loudly, since a plan then stalls the event loop.
import { existsSync } from "node:fs";
import { createPlannerHost, defaultWorkerFile } from "./planner-host";
import type { PlannerHost } from "./types";

export function defaultPlannerHost(log: (line: string) => void): PlannerHost {
  const workerFile = defaultWorkerFile();
  if (existsSync(workerFile)) return createPlannerHost({ workerFile });
  log(`fleet model: the planner worker ${workerFile} is not built (npm run build:worker); planning on the main thread, which stalls it while a plan runs`);
  return createPlannerHost({ inProcess: true });
}
