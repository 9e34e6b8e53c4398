import { describe, expect, it } from "vitest";
import { GROUP_HEADER, LEAF_SIZE, layoutGraph, packRows, rememberOrder, type Box, type LayoutInput } from "./layout-graph";

/** The box of an id, failing the test when there is none. */
function boxOf(layout: Record<string, Box>, id: string | undefined): Box {
  const box = id === undefined ? undefined : layout[id];
  if (!box) throw new Error(`no box for ${id}`);
  return box;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const fleet: LayoutInput[] = [
  { id: "cluster:east", kind: "cluster", expanded: false },
  { id: "cluster:west", kind: "cluster", expanded: true },
  { id: "gw:west/istio-system/eastwest-gateway", kind: "gateway", parent: "cluster:west" },
  { id: "ns:west/bookinfo", kind: "namespace", parent: "cluster:west", expanded: true },
  { id: "svc:west/details.bookinfo.svc.cluster.local", kind: "service", parent: "ns:west/bookinfo" },
  { id: "svc:west/reviews.bookinfo.svc.cluster.local", kind: "service", parent: "ns:west/bookinfo" },
  { id: "ns:west/other", kind: "namespace", parent: "cluster:west", expanded: false },
  { id: "cluster:north", kind: "cluster", expanded: false },
];

describe("packRows", () => {
  it.each([
    { name: "nothing", sizes: [], width: 0, height: 0 },
    { name: "one box", sizes: [{ width: 100, height: 50 }], width: 100, height: 50 },
    { name: "two boxes share a row", sizes: [{ width: 100, height: 50 }, { width: 100, height: 30 }], width: 216, height: 50 },
    { name: "four boxes share a row", sizes: Array.from({ length: 4 }, () => ({ width: 100, height: 50 })), width: 448, height: 50 },
    { name: "eight boxes make two rows of four", sizes: Array.from({ length: 8 }, () => ({ width: 100, height: 50 })), width: 448, height: 116 },
  ])("$name", ({ sizes, width, height }) => {
    const packed = packRows(sizes);
    expect({ width: packed.width, height: packed.height }).toEqual({ width, height });
  });

  it("wraps many boxes into rows, none overlapping", () => {
    const sizes = Array.from({ length: 40 }, () => ({ width: 200, height: 60 }));
    const { offsets, width, height } = packRows(sizes);
    expect(height).toBeGreaterThan(60);
    expect(width).toBeLessThan(40 * 216);
    const boxes = offsets.map((o) => ({ ...o, width: 200, height: 60 }));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxOf({ a: boxes[i] as Box }, "a"), boxOf({ b: boxes[j] as Box }, "b"))).toBe(false);
  });
});

describe("layoutGraph", () => {
  it("places every node; collapsed groups and leaves get their kind's size", () => {
    const layout = layoutGraph(fleet);
    expect(Object.keys(layout).sort()).toEqual(fleet.map((n) => n.id).sort());
    expect(layout["cluster:east"]).toMatchObject(LEAF_SIZE.cluster ?? {});
    expect(layout["ns:west/other"]).toMatchObject(LEAF_SIZE.namespace ?? {});
  });

  it("puts children under the group's title bar and inside it", () => {
    const layout = layoutGraph(fleet);
    const west = boxOf(layout, "cluster:west");
    for (const id of ["gw:west/istio-system/eastwest-gateway", "ns:west/bookinfo", "ns:west/other"]) {
      const child = boxOf(layout, id);
      expect(child.y).toBeGreaterThanOrEqual(GROUP_HEADER);
      expect(child.x + child.width).toBeLessThanOrEqual(west.width);
      expect(child.y + child.height).toBeLessThanOrEqual(west.height);
    }
  });

  it("keeps siblings apart at every level", () => {
    const layout = layoutGraph(fleet);
    const siblings = new Map<string | undefined, string[]>();
    for (const n of fleet) siblings.set(n.parent, [...(siblings.get(n.parent) ?? []), n.id]);
    for (const ids of siblings.values())
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) expect(overlaps(boxOf(layout, ids[i]), boxOf(layout, ids[j]))).toBe(false);
  });

  it("a live update with the same nodes gives the same positions, and a new service goes last in its group", () => {
    const order = new Map<string, number>();
    const first = layoutGraph(fleet, order);
    const second = layoutGraph([...fleet].reverse(), order);
    expect(second).toEqual(first);
    const grown = [{ id: "svc:west/aaa.bookinfo.svc.cluster.local", kind: "service", parent: "ns:west/bookinfo" }, ...fleet];
    const third = layoutGraph(grown, order);
    expect(third["svc:west/details.bookinfo.svc.cluster.local"]).toEqual(first["svc:west/details.bookinfo.svc.cluster.local"]);
    // Reading order: a later row, or further right in the same row.
    const added = boxOf(third, "svc:west/aaa.bookinfo.svc.cluster.local");
    const last = boxOf(first, "svc:west/reviews.bookinfo.svc.cluster.local");
    expect(added.y > last.y || (added.y === last.y && added.x > last.x)).toBe(true);
  });

  it("a memory kept in step by rememberOrder lays out as one that laid out every graph", () => {
    const laidEach = new Map<string, number>();
    const remembered = new Map<string, number>();
    const grown = [{ id: "svc:west/aaa.bookinfo.svc.cluster.local", kind: "service", parent: "ns:west/bookinfo" }, ...fleet];
    layoutGraph(fleet, laidEach);
    rememberOrder(fleet, remembered);
    expect(layoutGraph(grown, remembered)).toEqual(layoutGraph(grown, laidEach));
  });

  it("a node whose parent is not drawn is placed at the top level, not lost", () => {
    const layout = layoutGraph([{ id: "svc:x/a", kind: "service", parent: "ns:x/gone" }]);
    expect(layout["svc:x/a"]).toMatchObject({ x: 0, y: 0 });
  });

  it("lays out 3,000 nodes quickly", () => {
    const nodes: LayoutInput[] = [];
    for (let c = 0; c < 20; c++) {
      nodes.push({ id: `cluster:c${c}`, kind: "cluster", expanded: true });
      for (let n = 0; n < 6; n++) {
        nodes.push({ id: `ns:c${c}/ns${n}`, kind: "namespace", parent: `cluster:c${c}`, expanded: true });
        for (let s = 0; s < 25; s++) nodes.push({ id: `svc:c${c}/s${n}-${s}`, kind: "service", parent: `ns:c${c}/ns${n}` });
      }
    }
    const started = performance.now();
    layoutGraph(nodes);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
