// The e2e provider's sign-in page: a labelled form (Chromium fills it like a person) posting back to its
// interaction URL. Nothing from the request is echoed except the interaction id, which is URL-safe by construction.
import type { IncomingMessage } from "node:http";

const STYLE = "body{font:16px system-ui;margin:3rem auto;max-width:22rem}label{display:block;margin:.75rem 0}input{display:block;width:100%;padding:.4rem}button{margin-top:1rem;padding:.5rem 1rem}";

export function loginPage(uid: string, error?: string): string {
  const safeUid = encodeURIComponent(uid);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>E2E identity provider</title><style>${STYLE}</style></head>
<body><main><h1>Sign in to the e2e identity provider</h1>${error ? `<p role="alert">${error}</p>` : ""}
<form method="post" action="/interaction/${safeUid}">
<label>Username <input name="login" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button></form></main></body></html>`;
}

/** The provider's sign-out question; `form` is oidc-provider's own hidden form (its action and xsrf token). */
export function logoutPage(form: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>E2E identity provider</title><style>${STYLE}</style></head>
<body><main><h1>Sign out of the e2e identity provider?</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out of the provider</button></main></body></html>`;
}

/** An urlencoded form body, bounded (a sign-in form is tiny). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let text = "";
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 4096) throw new Error("form too large");
  }
  return new URLSearchParams(text);
}
