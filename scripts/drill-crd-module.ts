// Regenerates server/kube/drill-crd-manifest.ts from deploy/crds/failoverdrills.eastwest.dev.yaml (the bundled copy
// the console installs where the CRD is missing; drill-crd-manifest.test.ts fails while the two differ).
// Run: npx tsx scripts/drill-crd-module.ts
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";

const YAML_PATH = "deploy/crds/failoverdrills.eastwest.dev.yaml";
const MODULE_PATH = "server/kube/drill-crd-manifest.ts";

const head = `// The FailoverDrill CustomResourceDefinition, as deploy/crds/failoverdrills.eastwest.dev.yaml says it (checked equal
// by drill-crd-manifest.test.ts): bundled as a module so the standalone production build, which ships no deploy/
// folder, can install it where it is missing. Edit the YAML, then regenerate this: npx tsx scripts/drill-crd-module.ts
export const DRILL_CRD_MANIFEST = `;

const manifest = parse(readFileSync(YAML_PATH, "utf8")) as unknown;
writeFileSync(MODULE_PATH, `${head}${JSON.stringify(manifest, null, 2)} as const;\n`);
console.log(`wrote ${MODULE_PATH} from ${YAML_PATH}`);
