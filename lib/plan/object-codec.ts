// Planned objects in a form that crosses a thread cheaply (the planner worker's replies, server/model/
// planner-protocol.ts). A cold plan at 20 × 500 is 580,000 objects that differ mostly in a name, a content hash
// and an address: the rest (API version, kind, namespace, the labels object, the provenance annotations, the spec's
// labels and ports objects, network, locality) is one of a few thousand values. A structured clone copies all of
// it again for every object (it keeps shared references only within one message, and a reply is hundreds of
// messages), and the receiver then spent as long again sharing the strings back (intern-strings.ts).
//
// Here each distinct value crosses once per reply, in a table both sides grow in the same order, and an object is
// a row of table indexes beside its own name and hash. The receiver's objects share the table's values, so its
// mirror holds one copy of each per reply. Objects and arrays are values by identity (shared on the sending side,
// as a draft's labels or a pair's spec parts are, they are shared on the receiving side), strings and other
// primitives by value. The annotations and the spec are rebuilt per object from their keys' values, since each
// object's annotations hold its own hash. Pure: the tables are the encoder's and decoder's own, one per reply.
// `npm run bench:mirror` at 20 × 500: the console's thread took a cold plan's parts in 0.9 s instead of 2.8 s, and
// its mirror holds 528 bytes per object instead of 612.
import { CONTENT_HASH_ANNOTATION, type DesiredObject } from "./desired";

/** One batch of objects: the values new to the table, the key lists new to it, then the objects. */
export type EncodedObjects = {
  values: unknown[];
  shapes: string[][];
  /**
   * Per object: -1 for an object new to the reply (its row, name and hash follow), else the position in the reply
   * of the same object sent before (the planner places one shadow WorkloadEntry in several clusters).
   */
  same: number[];
  /**
   * Per object: apiVersion, kind, namespace, labels, the annotations' shape, the spec's shape, then the value of
   * each annotation but the hash, then of each spec key, in their shapes' order.
   */
  rows: number[];
  names: string[];
  /** The content-hash annotation, null where the object has none. */
  hashes: (string | null)[];
};

export type ObjectEncoder = (objects: readonly DesiredObject[]) => EncodedObjects;

/** A key list, found by walking its keys: no string is built per object to look one up. */
type ShapeNode = { index: number; keys: string[]; next: Map<string, ShapeNode> };

/** Encodes batches in order; each batch assumes the receiver decoded every earlier one with the same decoder. */
export function createObjectEncoder(): ObjectEncoder {
  const values = new Map<unknown, number>();
  const shapes: ShapeNode = { index: -1, keys: [], next: new Map() };
  let shapeCount = 0;
  const sent = new Map<DesiredObject, number>();
  let position = 0;
  let added: unknown[] = [];
  let addedShapes: string[][] = [];

  const valueOf = (value: unknown): number => {
    let at = values.get(value);
    if (at === undefined) {
      values.set(value, (at = values.size));
      added.push(value);
    }
    return at;
  };

  const shapeOf = (record: Record<string, unknown>): ShapeNode => {
    const keys = Object.keys(record);
    let node = shapes;
    for (const k of keys) {
      let next = node.next.get(k);
      if (!next) node.next.set(k, (next = { index: -1, keys: [], next: new Map() }));
      node = next;
    }
    if (node.index < 0) {
      node.index = shapeCount++;
      node.keys = keys;
      addedShapes.push(keys);
    }
    return node;
  };

  return (objects) => {
    added = [];
    addedShapes = [];
    const rows: number[] = [];
    const names: string[] = [];
    const hashes: (string | null)[] = [];
    const same: number[] = [];
    const put = (value: unknown) => rows.push(valueOf(value));
    for (const o of objects) {
      const before = sent.get(o);
      same.push(before ?? -1);
      if (before === undefined) sent.set(o, position);
      position++;
      if (before !== undefined) continue;
      const { metadata, spec } = o;
      const { annotations } = metadata;
      put(o.apiVersion);
      put(o.kind);
      put(metadata.namespace);
      put(metadata.labels);
      const annotationShape = shapeOf(annotations);
      const specShape = shapeOf(spec);
      rows.push(annotationShape.index, specShape.index);
      // The hash is the object's own; the other annotations are a few strings shared by thousands of objects.
      for (const k of annotationShape.keys) if (k !== CONTENT_HASH_ANNOTATION) put(annotations[k]);
      for (const k of specShape.keys) put(spec[k]);
      names.push(metadata.name);
      hashes.push(annotations[CONTENT_HASH_ANNOTATION] ?? null);
    }
    return { values: added, shapes: addedShapes, same, rows, names, hashes };
  };
}

export type ObjectDecoder = (encoded: EncodedObjects) => DesiredObject[];

/**
 * A constructor for the records of one shape, made outside any decoder. A record's hidden class points to its
 * constructor and a function to the scope it was made in, so a constructor made inside a decoder kept that decoder
 * alive for as long as any record it made: with it the reply's `onValues` and whatever that closes over (the
 * console's reply assembler, with every plan list the reply patched). Every reply's objects outlive it while they
 * are planned, so every reply's lists stayed: 2.5 MiB more live heap per new Service at 20 × 100.
 */
function recordMaker(): new () => Record<string, unknown> {
  const maker = function () {} as unknown as new () => Record<string, unknown>;
  maker.prototype = Object.prototype;
  return maker;
}

/**
 * Decodes an encoder's batches in the order it made them. `onValues` sees each batch's new values before they are
 * used (the receiver shares their strings with intern-strings.ts).
 */
export function createObjectDecoder(onValues?: (values: unknown[]) => void): ObjectDecoder {
  const table: unknown[] = [];
  // Records are made by a constructor of their shape's own, whose instances V8 sizes to the keys they end up with
  // (slack tracking): a record grown from {} keeps its keys past the fourth in a separate array, ~50 bytes more for
  // each of a cold plan's 580,000 annotations and specs. Its prototype is Object.prototype: a plain object.
  const makers: (new () => Record<string, unknown>)[] = [];
  const shapes: string[][] = [];
  const record = (shape: number): Record<string, unknown> => new (makers[shape] as new () => Record<string, unknown>)();
  const decoded: DesiredObject[] = [];
  return ({ values, shapes: newShapes, same, rows, names, hashes }) => {
    onValues?.(values);
    for (const v of values) table.push(v);
    for (const keys of newShapes) {
      shapes.push(keys);
      makers.push(recordMaker());
    }
    const out: DesiredObject[] = new Array(same.length);
    let at = 0;
    let i = 0;
    for (let n = 0; n < same.length; n++) {
      const before = same[n] as number;
      if (before >= 0) {
        decoded.push((out[n] = decoded[before] as DesiredObject));
        continue;
      }
      const annotationShape = rows[at + 4] as number;
      const specShape = rows[at + 5] as number;
      const annotations = record(annotationShape);
      const spec = record(specShape);
      const object = {
        apiVersion: table[rows[at] as number],
        kind: table[rows[at + 1] as number],
        metadata: { name: names[i], namespace: table[rows[at + 2] as number], labels: table[rows[at + 3] as number], annotations },
        spec,
      };
      at += 6;
      for (const k of shapes[annotationShape] as string[]) annotations[k] = k === CONTENT_HASH_ANNOTATION ? hashes[i] : table[rows[at++] as number];
      for (const k of shapes[specShape] as string[]) spec[k] = table[rows[at++] as number];
      decoded.push((out[n] = object as DesiredObject));
      i++;
    }
    return out;
  };
}
