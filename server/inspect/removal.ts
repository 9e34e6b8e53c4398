// The removal a "what if" imagines (lib/topology/types.ts whatIfRemovalSchema), as lib/failover's impact takes it.
import type { z } from "zod";
import type { whatIfRemovalSchema } from "@/lib/topology/types";

export type WhatIfRemoval = z.infer<typeof whatIfRemovalSchema>;

/** The part in words, for the panel's title. */
export function removalWords(removal: WhatIfRemoval): string {
  switch (removal.kind) {
    case "cluster":
      return `cluster ${removal.cluster}`;
    case "gateway":
      return `gateway ${removal.namespace}/${removal.name} in ${removal.cluster}`;
    case "instance":
      return `${removal.fqdn} in ${removal.cluster}`;
  }
}

/** A stable key for memoizing per removal. */
export const removalKey = (removal: WhatIfRemoval): string => JSON.stringify([removal.kind, removal.cluster, "namespace" in removal ? removal.namespace : "", "name" in removal ? removal.name : "", "fqdn" in removal ? removal.fqdn : ""]);
