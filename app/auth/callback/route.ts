// GET /auth/callback?code&state: the provider's redirect back (mode oidc). server/auth/sign-in.ts does the work.
import { signInCallback } from "@/server/auth/sign-in";
import { serverEnv } from "@/server/env";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return signInCallback(request, serverEnv().auth);
}
