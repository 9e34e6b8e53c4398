import { describe, expect, it } from "vitest";
import { activeSection, type NavLink } from "./nav-links";

const LINKS: NavLink[] = [
  { href: "/", label: "Overview", description: "" },
  { href: "/workspaces", label: "Workspaces", description: "" },
  { href: "/topology", label: "Topology", description: "" },
];

describe("activeSection", () => {
  it.each([
    ["/", "/"],
    ["/workspaces", "/workspaces"],
    ["/workspaces/", "/workspaces"],
    ["/workspaces/bookinfo-ws", "/workspaces"],
    ["/topology", "/topology"],
    // A cluster's page is reached from the overview's list of clusters.
    ["/clusters/east", "/"],
    ["/clusters", null],
    // A prefix of the name is not the section: /workspaces-old is not under /workspaces.
    ["/workspaces-old", null],
    ["/no-such-page", null],
    ["/workspace", null],
  ])("%s is in %s", (path, section) => {
    expect(activeSection(path, LINKS)).toBe(section);
  });
});
