// Sends signed-out visitors of portal pages to sign-in, and back after. This is a
// convenience only: every page, action and route handler authorizes on its own.
import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";

export const proxy = auth((request) => {
  // A server action posted after the session expired must reach the action, which
  // answers "signed out" and keeps the user's input on the page.
  if (request.auth?.user || request.headers.has("next-action")) return NextResponse.next();
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
});

export const config = {
  matcher: ["/dashboard/:path*", "/proposals/:path*", "/licensing/:path*", "/financing/:path*", "/admin/:path*"],
};
