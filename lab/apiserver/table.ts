// Server-side printing: meta.k8s.io/v1 Table answers for `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`.
// Built-ins use kubectl's printer columns; custom resources use the CRD's additionalPrinterColumns (Name first,
// Age alone when the CRD declares none), cells rendered as the apiextensions table convertor does.
import { age } from "./human-duration";
import { isRecord } from "./object-util";
import { builtinPrinter } from "./table-builtin";
import { NAME_COLUMN, type BuiltinPrinter, type Cell, type ColumnDefinition } from "./table-types";
import type { KubeObject, PrinterColumn, ResourceType } from "./types";

export type IncludeObject = "None" | "Metadata" | "Object";

const AGE: PrinterColumn = { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" };

/** Evaluates the simple JSONPaths CRDs use (".spec.hosts", ".status.conditions[0].type"). */
function evaluate(object: KubeObject, jsonPath: string): unknown {
  let current: unknown = object;
  for (const part of jsonPath.replace(/^\{?\.?/, "").replace(/\}$/, "").split(".").filter(Boolean)) {
    const m = /^([^[]*)(?:\[(\d+)\])?$/.exec(part);
    if (!m || !isRecord(current)) return undefined;
    current = m[1] ? current[m[1]] : current;
    if (m[2] !== undefined) current = Array.isArray(current) ? current[Number(m[2])] : undefined;
  }
  return current;
}

function customCell(column: PrinterColumn, value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (column.type === "date") return age(value);
  if (column.type === "string") return typeof value === "string" ? value : JSON.stringify(value);
  if (column.type === "integer" || column.type === "number") return typeof value === "number" ? value : null;
  if (column.type === "boolean") return typeof value === "boolean" ? value : null;
  return null;
}

// A CRD version without additionalPrinterColumns prints Age; one with them prints exactly those (the
// apiextensions handler's default column). The lab's fixed custom kinds follow the same rule.
function customPrinter(type: ResourceType): BuiltinPrinter {
  const declared = type.printerColumns ?? [];
  const columns = declared.length > 0 ? declared : [AGE];
  return {
    columns: columns.map((c) => ({ name: c.name, type: c.type, format: "", description: c.description ?? "", priority: c.priority ?? 0 })),
    cells: (object) => columns.map((c) => customCell(c, evaluate(object, c.jsonPath))),
  };
}

export function printerFor(type: ResourceType): BuiltinPrinter {
  return type.custom ? customPrinter(type) : builtinPrinter(type.group, type.kind);
}

export function columnDefinitions(printer: BuiltinPrinter): ColumnDefinition[] {
  return printer.omitName ? printer.columns : [NAME_COLUMN, ...printer.columns];
}

function rowObject(object: KubeObject, include: IncludeObject): unknown {
  if (include === "Object") return object;
  if (include === "None") return undefined;
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: object.metadata };
}

export function tableRow(printer: BuiltinPrinter, object: KubeObject, include: IncludeObject): Record<string, unknown> {
  const cells = printer.omitName ? printer.cells(object) : [object.metadata.name ?? "", ...printer.cells(object)];
  const row: Record<string, unknown> = { cells };
  const embedded = rowObject(object, include);
  if (embedded !== undefined) row.object = embedded;
  return row;
}

export function toTable(type: ResourceType, objects: KubeObject[], listMeta: Record<string, unknown>, include: IncludeObject, withColumns = true): Record<string, unknown> {
  const printer = printerFor(type);
  return {
    kind: "Table", apiVersion: "meta.k8s.io/v1", metadata: listMeta,
    // Watch tables after the first event carry no column definitions (null, as upstream's nil slice).
    columnDefinitions: withColumns ? columnDefinitions(printer) : null,
    rows: objects.map((o) => tableRow(printer, o, include)),
  };
}
