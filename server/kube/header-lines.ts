// A client-node request context that can send one header name on several lines (Impersonate-Group: one line per
// group). client-node's RequestContext keeps headers in a record (one value per name); its transport hands
// `getHeaders()` to node-fetch as the Fetch API's HeadersInit, which may also be a sequence of [name, value]
// pairs — node-fetch then appends each pair, and node's http client writes each value of a repeated name as its
// own line. server/kube/impersonation.test.ts proves the lines on the wire against a loopback server.
import { RequestContext } from "@kubernetes/client-node";
import { IMPERSONATE_GROUP, IMPERSONATE_USER } from "./impersonation";

const IMPERSONATE = new Set([IMPERSONATE_USER.toLowerCase(), IMPERSONATE_GROUP.toLowerCase(), "impersonate-uid"]);

export class HeaderLinesContext extends RequestContext {
  private readonly lines: [string, string][] = [];

  /** Adds a header line; impersonation lines replace any impersonation the kubeconfig user asked for (`as:`). */
  addHeaderLine(name: string, value: string): void {
    this.lines.push([name, value]);
  }

  override getHeaders(): Record<string, string> {
    const own = super.getHeaders();
    if (this.lines.length === 0) return own;
    const impersonating = this.lines.some(([name]) => IMPERSONATE.has(name.toLowerCase()));
    const kept = Object.entries(own).filter(([name]) => !impersonating || !IMPERSONATE.has(name.toLowerCase()));
    const pairs = [...kept, ...this.lines];
    // As a record (for a transport that ignored the pairs) every name still carries its lines, joined: a request
    // would still impersonate the user, and a joined group line names one group nobody is bound to — it fails
    // closed, never falls back to the console's own credentials.
    const record: Record<string, string> = Object.fromEntries(kept);
    for (const [name, value] of this.lines) record[name] = record[name] === undefined ? value : `${record[name]}, ${value}`;
    return Object.assign(record, { [Symbol.iterator]: () => pairs[Symbol.iterator]() });
  }
}
