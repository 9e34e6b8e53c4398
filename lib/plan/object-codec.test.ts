import { describe, expect, it } from "vitest";
import { CONTENT_HASH_ANNOTATION, type DesiredObject } from "./desired";
import type { PlanInput } from "./input";
import { createObjectDecoder, createObjectEncoder, type EncodedObjects } from "./object-codec";
import { plan } from "./plan";
import { bookinfoCluster, BOOKINFO, DETAILS, seedInput, workspace } from "./test-fixtures";

// What crosses from the planner worker to the console's thread: batches of one reply, each cloned as a message
// would be, decoded in order by one decoder.
function roundTrip(batches: readonly (readonly DesiredObject[])[]) {
  const encode = createObjectEncoder();
  const decode = createObjectDecoder();
  const sent: EncodedObjects[] = [];
  const received = batches.map((batch) => {
    const encoded = structuredClone(encode(batch));
    sent.push(encoded);
    return decode(encoded);
  });
  return { sent, received };
}

const threeClusters: PlanInput = {
  clusters: ["west", "east", "north"].map((n) => bookinfoCluster(n, [...BOOKINFO, "extra-1", "extra-2"], true)),
  workspaces: [workspace(undefined)],
  allowLoopbackGatewayAddresses: true,
};
const planned = (input: PlanInput) => Object.values(plan(input).clusters);
const cut = (objects: readonly DesiredObject[], size: number) => Array.from({ length: Math.ceil(objects.length / size) }, (_, i) => objects.slice(i * size, (i + 1) * size));

const unusual: DesiredObject[] = [
  // No content hash, annotations in another order, a spec with nested arrays, numbers, booleans and null.
  { apiVersion: "networking.istio.io/v1", kind: "Gateway", metadata: { name: "g", namespace: "n", labels: {}, annotations: { b: "2", a: "1" } }, spec: { servers: [{ port: { number: 15443 } }], on: true, none: null } },
  { apiVersion: "networking.istio.io/v1", kind: "Gateway", metadata: { name: "h", namespace: "n", labels: { x: "y" }, annotations: { a: "1", [CONTENT_HASH_ANNOTATION]: "abc", b: "2" } }, spec: {} },
];

describe("the planner reply's object codec", () => {
  it.each([
    ["the seed plan, one batch per cluster", planned(seedInput())],
    ["three clusters cut into batches of 7", planned(threeClusters).flatMap((objects) => cut(objects, 7))],
    ["objects of unusual shapes", [unusual, unusual.slice().reverse()]],
  ])("decodes %s to equal objects, with the same key order", (_, batches) => {
    const { received } = roundTrip(batches);
    expect(received).toStrictEqual(batches);
    const keyOrder = (o: DesiredObject) => [Object.keys(o.metadata.annotations), Object.keys(o.spec)];
    expect(received.flat().map(keyOrder)).toEqual(batches.flat().map(keyOrder));
  });

  it("sends each value once per reply, and shares on arrival what the sender shared", () => {
    const objects = planned(threeClusters).flat();
    const { sent, received } = roundTrip([objects, objects]);
    expect(sent[0]?.values.length).toBeGreaterThan(0);
    // The second batch repeats the first: nothing new crosses but the names, hashes and rows.
    expect(sent[1]?.values).toEqual([]);
    expect(sent[1]?.shapes).toEqual([]);
    const [first, second] = received as [DesiredObject[], DesiredObject[]];
    // Shadows of one (service, source) pair share their labels on the sending side, and so on the receiving side.
    const shadows = first.filter((o) => o.kind === "WorkloadEntry" && o.metadata.annotations["eastwest-console.io/services"] === DETAILS);
    expect(shadows.length).toBeGreaterThan(1);
    const sameLabels = shadows.filter((o) => o.metadata.labels === shadows[0]?.metadata.labels);
    expect(sameLabels.length).toBeGreaterThan(1);
    // An object sent again in the reply (one shadow placed in several clusters) arrives as the same object.
    expect(second).toHaveLength(first.length);
    second.forEach((o, i) => expect(o).toBe(first[i]));
    expect(sent[1]?.names).toEqual([]);
  });

  it("sends an object once however many clusters' lists hold it, and only that object", () => {
    const lists = Object.values(plan(threeClusters).clusters);
    const all = lists.flat();
    const distinct = new Set(all);
    // The planner places each source's shadows in every local cluster as the same objects.
    expect(distinct.size).toBeLessThan(all.length);
    const { sent, received } = roundTrip(lists);
    expect(sent.reduce((n, batch) => n + batch.names.length, 0)).toBe(distinct.size);
    expect(received).toStrictEqual(lists);
    const position = new Map<DesiredObject, number>();
    all.forEach((o, i) => position.set(o, position.get(o) ?? i));
    const flat = received.flat();
    all.forEach((o, i) => expect(flat[i] === flat[position.get(o) as number], `object ${i}`).toBe(true));
    expect(new Set(flat).size).toBe(distinct.size);
  });

});
