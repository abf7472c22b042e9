// Runs before every request:
// - refuses malformed requests with a 4xx (lib/request-guard.ts) before Next.js
//   or Auth.js can trip over them and answer 500;
// - gives every response the security headers, and every page a Content-Security-Policy
//   with a fresh script nonce (lib/security-headers.ts);
// - sends signed-out visitors of portal pages to sign-in, and back after;
// - on signing out, tells the browser to clear the portal's storage: a form's
//   unsaved local copy must not stay behind on a shared computer.
// The sign-in redirect is a convenience only: every page, action and route handler
// authorizes on its own (a present but invalid session meets requirePageActor).
//
// It only looks for the session cookie and never decodes or re-issues it: a
// re-issued cookie on a prefetch still in flight could otherwise land after
// sign-out and sign the user back in.
import { NextResponse, type NextRequest } from "next/server";
import { ALLOWED_METHODS, checkRequest } from "@/lib/request-guard";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/security-headers";
import { serverActionId, serverActionIds } from "@/lib/server-action-ids";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PORTAL_PATHS = ["/dashboard", "/proposals", "/licensing", "/financing", "/admin"];
const MESSAGES = { 400: "Bad request.", 403: "Forbidden.", 404: "Page not found.", 405: "Method not allowed.", 411: "Length required.", 413: "Request too large." };

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const headers = securityHeaders({ https, production: process.env.NODE_ENV === "production" });

  const rejection = await checkRequest(request, pathname, { actionIds: serverActionIds() });
  if (rejection) {
    const response = new NextResponse(MESSAGES[rejection.status], { status: rejection.status, headers: { ...headers, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
    if (rejection.status === 405) response.headers.set("Allow", ALLOWED_METHODS.join(", "));
    return response;
  }

  const isPortalPage = PORTAL_PATHS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  // A server action posted after the session expired must reach the action, which
  // answers "signed out" and keeps the user's input on the page.
  if (isPortalPage && !request.headers.has("next-action") && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/sign-in", request.nextUrl.origin);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    const response = NextResponse.redirect(signIn);
    for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
    return response;
  }

  // Next.js takes the nonce from the request's policy and puts it on its scripts.
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { https, development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  if (isSigningOut(request, pathname)) response.headers.set("Clear-Site-Data", '"storage"');
  return response;
}

/**
 * The sign-out action (with JavaScript), or the page it ends on (without). Only
 * an explicit sign-out: after an idle timeout the local copy is what brings the
 * user's input back once they sign in again.
 */
function isSigningOut(request: NextRequest, pathname: string): boolean {
  const action = request.headers.get("next-action");
  if (action) return action === serverActionId("app/sign-in/actions.ts", "signOutAction");
  return pathname === "/sign-in" && request.nextUrl.searchParams.has("signedOut");
}

export const config = {
  // Attachment uploads stream past the proxy (Next.js would buffer their bodies):
  // the upload route runs the same checks itself (checkUploadPost).
  matcher: ["/((?!_next/static|favicon.ico|icon.svg|proposals/[^/]+/attachments/upload$).*)"],
};
