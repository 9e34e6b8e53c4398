// What of the kubeconfig every visitor may see. The fleet view is served to anyone who can open the console, so it
// names clusters by scheme, host and port only (a server URL's path or query can carry a token, e.g.
// `?access_token=`, or name internal routing) and kubeconfig files by their file name only (the absolute path
// tells a visitor about the host's users and directories). The server's log keeps the full paths.
import path from "node:path";
import type { ConfigError } from "@/lib/fleet-schema";

/** scheme://host:port of a cluster's server URL; "" stays "" (a context without a cluster). */
export function publicServer(server: string): string {
  if (server === "") return "";
  try {
    const url = new URL(server);
    // `origin` is "null" for schemes without one; a kubeconfig server is http(s), anything else is shown as unknown.
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : "(invalid server URL)";
  } catch {
    return "(invalid server URL)";
  }
}

export function publicPath(file: string): string {
  return path.basename(file);
}

/** The same error with every path reduced to its file name, in the list and in the sentence. */
export function publicConfigError(error: ConfigError): ConfigError {
  // Longest first, so a path that contains another is replaced whole.
  const paths = [...new Set(error.paths)].sort((a, b) => b.length - a.length);
  const message = paths.reduce((text, p) => text.split(p).join(publicPath(p)), error.message);
  return { ...error, paths: error.paths.map(publicPath), message };
}
