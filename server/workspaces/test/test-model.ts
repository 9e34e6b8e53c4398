// Test support: the fleet model as the console runs it (server/model/fleet-model.ts), over a snapshot the test
// sets, planning in process (the planner host's inProcess transport), states deep-frozen.
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { createFleetModel } from "@/server/model/fleet-model";
import { createPlannerHost } from "@/server/model/planner-host";
import type { FleetModel } from "@/server/model/types";

export type TestModel = { model: FleetModel; publish(snapshot: FleetSnapshot): void };

export function testModel(first: FleetSnapshot, options: { allowLoopbackGatewayAddresses?: boolean; resolvedHostnames?: Record<string, string[]> } = {}): TestModel {
  let snapshot = first;
  const listeners = new Set<() => void>();
  const answers = options.resolvedHostnames;
  const model = createFleetModel({
    source: {
      current: () => snapshot,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      managementCluster: () => snapshot.managementCluster ?? undefined,
    },
    host: createPlannerHost({ inProcess: true }),
    allowLoopbackGatewayAddresses: options.allowLoopbackGatewayAddresses ?? false,
    ...(answers ? { hostnames: { resolved: () => answers, ready: () => true, conditions: () => [], subscribe: () => () => undefined } } : {}),
    freeze: true,
  });
  return {
    model,
    publish(next) {
      snapshot = next;
      for (const listener of listeners) listener();
    },
  };
}
