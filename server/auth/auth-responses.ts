// The responses of the sign-in routes: never cached, cookies HttpOnly + SameSite=Lax (+ Secure and the __Host-
// prefix unless the console is http on loopback), Location relative to this console.
import { NextResponse } from "next/server";
import type { OidcSettings } from "./settings";

const NO_STORE = { "Cache-Control": "no-store" };

export function redirectTo(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { ...NO_STORE, Location: location } });
}

export function plain(status: number, message: string): NextResponse {
  return new NextResponse(`${message}\n`, { status, headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" } });
}

export function json(body: unknown): NextResponse {
  return NextResponse.json(body, { headers: NO_STORE });
}

/** A cookie the browser keeps for `maxAgeSeconds` (0: delete it now). */
export function setCookie(res: NextResponse, settings: OidcSettings, name: string, value: string, maxAgeSeconds: number): void {
  res.cookies.set(name, value, { httpOnly: true, secure: settings.secureCookies, sameSite: "lax", path: "/", maxAge: maxAgeSeconds });
}

/** One structured line per sign-in event: who and from where, never a token or a cookie. */
export function authLog(event: "signed-in" | "signed-out" | "sign-in-failed", fields: Record<string, string | number | undefined>): void {
  console.log(JSON.stringify({ event: `auth.${event}`, ...fields }));
}
