// A configured secret (session secret, OIDC client secret) that cannot reach a log line or a response by accident:
// JSON.stringify and util.inspect (console.log) print a placeholder; only reveal() gives the value, where it is used.
import { inspect } from "node:util";

export type Secret = { reveal: () => string; toJSON: () => string; [inspect.custom]: () => string };

export function secret(value: string): Secret {
  return { reveal: () => value, toJSON: () => "[secret]", [inspect.custom]: () => "[secret]" };
}
