// The "who did what" views as the server renders them: each record says who, what, where, from where and how it
// ended; refusals carry the cluster's reason; an empty list and unreadable clusters say so; the drill page names who
// started and who aborted, and refused attempts newer than those.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AuditRecord } from "@/server/audit/audit-record";
import { ActivityList, ActivityProblems, recordHeadline } from "./activity-list";
import { drillActorLines, DrillActorsView } from "./drill-actors";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").replace(/&#x27;/g, "'");

const gateway = { apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", namespace: "bookinfo", name: "eastwest-gw" };
const drill = { apiVersion: "eastwest.dev/v1alpha1", kind: "FailoverDrill", namespace: "bookinfo", name: "reviews-1" };
let n = 0;
const record = (over: Partial<AuditRecord>): AuditRecord => ({
  id: `e${n++}`,
  cluster: "west",
  at: "2026-12-05T09:00:00.000Z",
  verb: "apply",
  outcome: "ok",
  object: gateway,
  user: "alice",
  mode: "oidc",
  address: "10.0.0.7",
  detail: undefined,
  message: "",
  ...over,
});

describe("recordHeadline", () => {
  it.each<[Partial<AuditRecord>, string]>([
    [{}, "alice applied IngressGateway bookinfo/eastwest-gw in west"],
    [{ outcome: "refused", user: "victor" }, "victor was refused to apply IngressGateway bookinfo/eastwest-gw in west"],
    [{ outcome: "failed", verb: "delete" }, "alice tried to delete IngressGateway bookinfo/eastwest-gw in west"],
    [{ verb: "start-drill", object: drill, user: undefined, mode: "none" }, "the console's own user (no sign-in) started FailoverDrill bookinfo/reviews-1 in west"],
  ])("%o → %s", (over, expected) => {
    const { who, rest } = recordHeadline(record(over));
    expect(`${who} ${rest}`).toBe(expected);
  });
});

describe("ActivityList", () => {
  it("shows each record with its outcome, from where, and a refusal's reason", () => {
    const html = renderToStaticMarkup(
      <ActivityList label="Workspace activity" more={false} records={[record({}), record({ outcome: "refused", user: "victor", mode: "proxy", address: "192.0.2.1", detail: "you may not patch ingressgateways in west" })]} />,
    );
    const t = text(html);
    expect(t).toContain("alice applied IngressGateway bookinfo/eastwest-gw in west Done");
    expect(t).toContain("from 10.0.0.7, signed in with OpenID Connect");
    expect(t).toContain("victor was refused to apply IngressGateway bookinfo/eastwest-gw in west Refused");
    expect(t).toContain("from 192.0.2.1, through the authenticating proxy");
    expect(t).toContain("you may not patch ingressgateways in west");
    expect(html).toContain('dateTime="2026-12-05T09:00:00.000Z"');
    expect(t).not.toContain("Older entries");
  });

  it("says when nothing was done, and when older entries are left out", () => {
    expect(text(renderToStaticMarkup(<ActivityList label="x" more={false} records={[]} />))).toContain("Nobody has changed anything here through the console");
    expect(text(renderToStaticMarkup(<ActivityList label="x" more records={[record({})]} />))).toContain("Older entries are not shown");
  });

  it("names the clusters whose activity could not be read", () => {
    const t = text(renderToStaticMarkup(<ActivityProblems problems={[{ cluster: "north", namespace: "bookinfo", reason: "forbidden", message: "events is forbidden" }]} />));
    expect(t).toContain("Could not read the activity in north (bookinfo): the console may not list Events there. events is forbidden");
  });
});

describe("the drill's people", () => {
  const started = record({ verb: "start-drill", object: drill, user: "annie", at: "2026-12-05T09:00:00.000Z" });
  const aborted = record({ verb: "abort-drill", object: drill, user: "bob", at: "2026-12-05T09:01:00.000Z" });
  const refusedAbort = record({ verb: "abort-drill", object: drill, user: "victor", outcome: "refused", detail: "you may not patch failoverdrills in west" });

  it("names who started and who aborted, then refused attempts", () => {
    expect(drillActorLines([aborted, refusedAbort, started]).map((l) => `${l.label} ${l.record.user ?? ""}`)).toEqual(["Started by annie", "Aborted by bob", "Refused to abort victor"]);
    const t = text(renderToStaticMarkup(<DrillActorsView records={[aborted, refusedAbort, started]} unread={undefined} />));
    expect(t).toContain("Started by annie");
    expect(t).toContain("Aborted by bob");
    expect(t).toContain("Refused to abort victor");
    expect(t).toContain("you may not patch failoverdrills in west");
  });

  it.each<[string, string | undefined, string]>([
    ["no record", undefined, "Who started it is not recorded: it was made outside the console (kubectl), or its Event has expired"],
    ["an unreadable cluster", "Who started it could not be read from west: timeout", "Who started it could not be read from west: timeout"],
  ])("%s: says why nobody is named", (_name, unread, expected) => {
    expect(text(renderToStaticMarkup(<DrillActorsView records={[]} unread={unread} />))).toContain(expected);
  });
});
