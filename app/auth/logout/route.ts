// POST /auth/logout: ends the session (mode oidc); the mutation guard in proxy.ts applies as to every POST.
import { signOut } from "@/server/auth/sign-out";
import { serverEnv } from "@/server/env";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return signOut(request, serverEnv().auth);
}
