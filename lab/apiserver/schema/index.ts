// Structural schemas: decoding (zod), pruning, defaulting, validation and the SSA list hints they imply.
export { structuralSchema, type StructuralSchema } from "./structural";
export { pruneObject, undeclaredPaths } from "./prune";
export { applySchemaDefaults, needsDefaults } from "./defaults";
export { goRegExp, validateAgainstSchema, validateValue } from "./validate";
export { listHints, type ListHints } from "./list-types";
export { ratchet } from "./ratchet";
