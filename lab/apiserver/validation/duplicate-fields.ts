// Duplicate keys in a request body, as the apiserver's strict decoders report them (fieldValidation Strict → 400,
// Warn → a Warning each): JSON as sigs.k8s.io/json words it (`duplicate field "spec.paused"`, paths as field.Path
// renders them, in document order), YAML as go-yaml does (`line 14: key "paused" already set in map`). The last
// value wins in both, as JSON.parse and the YAML reader keep it.
import { isMap, LineCounter, parseDocument, type Node } from "yaml";

export interface Duplicates {
  /** One message per duplicate key, in document order. */
  messages: string[];
  /** YAML's messages are one "yaml: unmarshal errors" block when refused. */
  yaml: boolean;
  /** JSON only: each duplicate's field path and position (in keys read so far), and where each path first appeared. */
  found?: Array<{ path: string; at: number }>;
  firstSeen?: Map<string, number>;
}

/** Walks already-valid JSON text, noting keys repeated within one object. */
class JsonScan {
  private i = 0;
  private keys = 0;
  readonly found: Array<{ path: string; at: number }> = [];
  readonly firstSeen = new Map<string, number>();
  constructor(private readonly text: string) {}

  run(): void {
    this.value("");
  }

  private ws(): void {
    while (this.i < this.text.length && " \t\n\r".includes(this.text[this.i] ?? "")) this.i++;
  }

  private string(): string {
    const start = this.i;
    this.i++;
    while (this.text[this.i] !== '"') this.i += this.text[this.i] === "\\" ? 2 : 1;
    this.i++;
    return JSON.parse(this.text.slice(start, this.i)) as string;
  }

  private value(path: string): void {
    this.ws();
    const c = this.text[this.i];
    if (c === "{") this.object(path);
    else if (c === "[") this.array(path);
    else if (c === '"') this.string();
    else while (this.i < this.text.length && !",}] \t\n\r".includes(this.text[this.i] ?? "")) this.i++;
  }

  private object(path: string): void {
    this.i++;
    const seen = new Set<string>();
    for (;;) {
      this.ws();
      if (this.text[this.i] === "}") break;
      const key = this.string();
      const field = path ? `${path}.${key}` : key;
      const at = this.keys++;
      if (seen.has(key)) this.found.push({ path: field, at });
      else this.firstSeen.set(field, at);
      seen.add(key);
      this.ws();
      this.i++; // ':'
      this.value(field);
      this.ws();
      if (this.text[this.i] === ",") this.i++;
    }
    this.i++;
  }

  private array(path: string): void {
    this.i++;
    for (let index = 0; ; index++) {
      this.ws();
      if (this.text[this.i] === "]") break;
      this.value(`${path}[${index}]`);
      this.ws();
      if (this.text[this.i] === ",") this.i++;
    }
    this.i++;
  }
}

function yamlDuplicates(text: string): string[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, lineCounter: lines });
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = String((keyNode as { value?: unknown } | null)?.value ?? keyNode);
        if (seen.has(key)) found.push(`line ${lines.linePos(keyNode?.range?.[0] ?? 0).line}: key ${JSON.stringify(key)} already set in map`);
        seen.add(key);
        visit(pair.value);
      }
    } else if (node && typeof node === "object" && "items" in node && Array.isArray((node as { items: unknown[] }).items)) {
      for (const item of (node as { items: unknown[] }).items) visit(item);
    }
  };
  visit(doc.contents);
  return found;
}

/** Duplicate keys of a JSON or YAML body (other media types have none to report). */
export function duplicateFields(raw: Buffer, mediaType: string): Duplicates {
  const text = raw.toString("utf8");
  if (mediaType === "application/yaml") return { messages: yamlDuplicates(text), yaml: true };
  if (mediaType !== "application/json" && mediaType !== "") return { messages: [], yaml: false };
  const scan = new JsonScan(text);
  scan.run();
  return { messages: scan.found.map((d) => `duplicate field ${JSON.stringify(d.path)}`), yaml: false, found: scan.found, firstSeen: scan.firstSeen };
}
