// meta.k8s.io/v1 Table shapes.
import type { KubeObject } from "./types";

export interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export type Cell = string | number | boolean | null;

export interface BuiltinPrinter {
  columns: ColumnDefinition[];
  /** Cells after Name, one per column but the first. */
  cells: (object: KubeObject) => Cell[];
  /** Events print no leading Name column. */
  omitName?: boolean;
}

export function column(name: string, type = "string", priority = 0, format = ""): ColumnDefinition {
  return { name, type, format, description: `${name} column`, priority };
}

export const NAME_COLUMN: ColumnDefinition = {
  name: "Name", type: "string", format: "name", priority: 0,
  description: "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
};
