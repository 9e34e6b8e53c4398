// A demo lab with its data plane for one test file: every port ephemeral, its kubeconfig in a temporary
// directory, pods Ready after 20 ms, so a file's setup costs seconds, not the demo's pace. Without the demo's
// steady load: the tests' own requests are the only traffic (and the only CPU spent on it; CI has two cores).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startLab, type Lab } from "../../start";

export interface TrafficLab {
  lab: Lab;
  stop(): Promise<void>;
}

export async function startTrafficLab(): Promise<TrafficLab> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "eastwest-dataplane-"));
  const lab = await startLab({ scenario: "demo", portBase: 0, adminPort: 0, kubeconfigPath: path.join(dir, "kubeconfig"), podReadyDelayMs: 20, demoTraffic: false });
  return {
    lab,
    async stop() {
      await lab.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
