// GET /auth/login?returnTo=/path: off to the OpenID provider (mode oidc). server/auth/sign-in.ts does the work.
import { signIn } from "@/server/auth/sign-in";
import { serverEnv } from "@/server/env";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return signIn(request, serverEnv().auth);
}
