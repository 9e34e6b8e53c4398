import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DRILL_CRD_NAME, DRILL_GROUP, DRILL_KIND, DRILL_PLURAL, DRILL_VERSION } from "@/lib/drills/schema";
import { DRILL_CRD_MANIFEST } from "./drill-crd-manifest";
import { KIND_API } from "./kinds";

const YAML_PATH = "deploy/crds/failoverdrills.eastwest.dev.yaml";

describe("the bundled FailoverDrill CRD", () => {
  it("is exactly the manifest in deploy/crds (regenerate it: npx tsx scripts/drill-crd-module.ts)", () => {
    expect(DRILL_CRD_MANIFEST).toEqual(parse(readFileSync(YAML_PATH, "utf8")));
  });

  it("names the group, version, kind and plural the console watches and writes", () => {
    expect(DRILL_CRD_MANIFEST.metadata.name).toBe(DRILL_CRD_NAME);
    expect(DRILL_CRD_MANIFEST.spec.group).toBe(DRILL_GROUP);
    expect(DRILL_CRD_MANIFEST.spec.names).toMatchObject({ kind: DRILL_KIND, plural: DRILL_PLURAL });
    expect(DRILL_CRD_MANIFEST.spec.versions.map((v) => v.name)).toEqual([DRILL_VERSION]);
    expect(KIND_API.FailoverDrill).toEqual({ group: DRILL_GROUP, version: DRILL_VERSION, plural: DRILL_PLURAL, namespaced: true });
  });
});
