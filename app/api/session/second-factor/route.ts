// The second step of signing in, for scripts and API clients: the caller's own
// session, which still owes its second factor, shows a code. Same service,
// throttling and replay protection as the sign-in page.
import { z } from "zod";
import { db } from "@/lib/db";
import { errorResponse, json } from "@/lib/http";
import { verifySecondFactor } from "@/lib/identity/second-factor";
import { ThrottledError } from "@/lib/identity/throttle";
import { RuleViolationError } from "@/lib/errors";
import { secondFactorSchema } from "@/lib/schemas/identity";
import { requirePendingSessionForAction } from "@/lib/session";

export async function POST(request: Request) {
  try {
    const session = await requirePendingSessionForAction("secondFactor");
    const body: unknown = await request.json().catch(() => null);
    const parsed = secondFactorSchema.safeParse(body);
    if (!parsed.success) return json({ problems: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
    const result = await verifySecondFactor(db(), session.actor, session.id, parsed.data.code);
    return json({ signedIn: true, recoveryCodesLeft: result.recoveryCodesLeft });
  } catch (error) {
    if (error instanceof ThrottledError) return json({ error: "Too many attempts." }, { status: 429, headers: { "retry-after": String(Math.ceil((error.retryAt.getTime() - Date.now()) / 1000)) } });
    if (error instanceof RuleViolationError) return json({ error: error.message }, { status: 422 });
    return errorResponse(error);
  }
}
