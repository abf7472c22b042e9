// Runs before every request:
// - a path that isn't valid percent-encoding names no page: 404, not a crash;
// - signed-out visitors of portal pages go to sign-in, and come back after.
// The sign-in redirect is a convenience only: every page, action and route handler
// authorizes on its own (a present but invalid session meets requirePageActor).
//
// It only looks for the session cookie and never decodes or re-issues it: a
// re-issued cookie on a prefetch still in flight could otherwise land after
// sign-out and sign the user back in.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PORTAL_PATHS = ["/dashboard", "/proposals", "/licensing", "/financing", "/admin"];

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return !path.includes("%00");
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!isDecodable(pathname)) {
    return new NextResponse("Page not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const isPortalPage = PORTAL_PATHS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  // A server action posted after the session expired must reach the action, which
  // answers "signed out" and keeps the user's input on the page.
  if (!isPortalPage || request.headers.has("next-action") || SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.next();
  }
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
