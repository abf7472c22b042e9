// Sends signed-out visitors of portal pages to sign-in, and back after. This is a
// convenience only: every page, action and route handler authorizes on its own
// (a present but invalid session still meets requirePageActor's redirect).
//
// It only looks for the session cookie and never decodes or re-issues it: a
// re-issued cookie on a prefetch still in flight could otherwise land after
// sign-out and sign the user back in.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  // A server action posted after the session expired must reach the action, which
  // answers "signed out" and keeps the user's input on the page.
  if (request.headers.has("next-action") || SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.next();
  }
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/dashboard/:path*", "/proposals/:path*", "/licensing/:path*", "/financing/:path*", "/admin/:path*"],
};
