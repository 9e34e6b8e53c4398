// The model's adapt step: one adapter memo per model, and the same AdaptedInput object handed out while nothing
// the planner or the registry reads of it changed (readers memoise on its identity). Also whether the input can
// be planned at all, decided once per input.
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { stableStringify } from "@/lib/plan/json";
import { createAdapterMemo } from "@/lib/registry/adapter-memo";
import type { AdaptedInput } from "@/lib/registry/plan-input-adapter";
import type { RegistryMemos } from "@/lib/registry/registry-memos";
import { adaptSnapshot, inputProblem } from "@/server/registry/fleet-state";

export type ModelInput = { adapted: AdaptedInput; inputKey: string; problem: string | undefined };

export type InputSettings = { managementCluster?: string; resolvedHostnames?: Record<string, string[]>; allowLoopbackGatewayAddresses: boolean };

export type ModelInputs = { of(snapshot: FleetSnapshot, settings: InputSettings): ModelInput };

/** `memos`: the model's identity memos (one per model, registry-memos.ts). */
export function createModelInputs(memos: RegistryMemos, freeze: <T>(value: T) => T, identity: (o: object) => number): ModelInputs {
  const memo = createAdapterMemo(memos);
  let last: { snapshot: FleetSnapshot; settings: InputSettings; input: ModelInput; conditions: string } | undefined;

  const sameSettings = (a: InputSettings, b: InputSettings) =>
    a.managementCluster === b.managementCluster && a.resolvedHostnames === b.resolvedHostnames && a.allowLoopbackGatewayAddresses === b.allowLoopbackGatewayAddresses;

  return {
    of(snapshot, settings) {
      if (last && last.snapshot === snapshot && sameSettings(last.settings, settings)) return last.input;
      const { adapted, inputKey } = adaptSnapshot(snapshot, settings, memo, identity);
      const conditions = stableStringify(adapted.conditions);
      const kept = last && last.input.inputKey === inputKey && last.input.adapted.configStale === adapted.configStale && last.conditions === conditions;
      const input: ModelInput = kept && last ? last.input : { adapted: freeze(adapted), inputKey, problem: inputProblem(adapted.input, memos) };
      last = { snapshot, settings, input, conditions };
      return input;
    },
  };
}
