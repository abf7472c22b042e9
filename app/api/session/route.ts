// The caller's own session, for the idle-timeout warning: GET tells when it ends
// without counting as activity; POST ("stay signed in") starts the idle clock
// again. Neither reveals or touches anyone else's session.
import { json } from "@/lib/http";
import type { ResolvedSession } from "@/lib/identity/sessions";
import { extendCurrentSession, peekSession } from "@/lib/session";

export const dynamic = "force-dynamic";

function describe(session: ResolvedSession | null) {
  if (!session) return { signedIn: false };
  return { signedIn: true, endsAt: session.endsAt.toISOString(), secondsLeft: Math.max(0, Math.floor((session.endsAt.getTime() - Date.now()) / 1000)) };
}

export async function GET() {
  return json(describe(await peekSession()));
}

export async function POST(request: Request) {
  // Only the portal's own pages may extend a session (no cross-site form can).
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !URL.canParse(origin) || new URL(origin).host !== host) return json({ error: "Cross-site requests can't extend a session." }, { status: 403 });
  return json(describe(await extendCurrentSession()));
}
