// Auth.js's own endpoints (session, CSRF token, callbacks): public by design.
import { handlers } from "@/lib/auth";

export const { GET, POST } = handlers;
