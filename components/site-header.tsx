import Link from "next/link";
import { signOutAction } from "@/app/sign-in/actions";
import { SessionTimeout } from "@/components/session-timeout";
import { db } from "@/lib/db";
import { cappedCount } from "@/lib/counts";
import { unreadNotificationCount, UNREAD_COUNT_CAP } from "@/lib/notifications/service";
import { requestSettings } from "@/lib/request-cache";
import { currentSession } from "@/lib/session";
import { can } from "@/lib/policy";
import { ROLE_LABELS } from "@/lib/roles";

export async function SiteHeader() {
  const session = await currentSession();
  const actor = session?.status === "active" ? session.actor : null;
  const warningSeconds = session ? (await requestSettings())["sessions.idleWarningSeconds"] : 0;
  // Unread notices only, counted through (userId, readAt) and capped: one small read per page.
  const unread = actor && can(actor, "notification:read") ? await unreadNotificationCount(db(), actor) : 0;
  const links: Array<{ href: string; label: string }> = [];
  if (actor) {
    links.push({ href: "/dashboard", label: "Dashboard" });
    if (can(actor, "proposal:read")) links.push({ href: "/proposals", label: "Proposals" });
    if (can(actor, "consortium:read")) links.push({ href: "/consortia", label: "Consortia" });
    if (can(actor, "license:decide")) links.push({ href: "/licensing", label: "License queue" });
    if (can(actor, "financing:decide")) links.push({ href: "/financing", label: "Financing queue" });
    if (can(actor, "program:read")) links.push({ href: "/dashboard/program", label: "Program" });
    if (can(actor, "settings:manage")) links.push({ href: "/admin/settings", label: "Settings" });
    if (can(actor, "settings:manage")) links.push({ href: "/admin/reference-tables", label: "Reference tables" });
    if (can(actor, "settings:manage")) links.push({ href: "/admin/export-controls", label: "Export controls" });
    if (can(actor, "users:manage")) links.push({ href: "/admin/users", label: "People" });
    if (can(actor, "mailbox:read") && !process.env.SMTP_URL) links.push({ href: "/admin/mailbox", label: "Mailbox" });
  }
  links.push({ href: "/published", label: "Approved packages" });
  links.push({ href: "/estimate", label: "Financing estimator" });

  return (
    <header className="bg-[var(--color-navy-900)] text-white">
      <div className="bg-[#f0f0f0] py-1 text-xs text-[var(--color-ink)]">
        <div className="mx-auto max-w-6xl px-4">A demonstration portal for a US government export financing program.</div>
      </div>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-white no-underline">
          American AI Exports Program
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center gap-4">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="text-white">
                  {link.label}
                </Link>
              </li>
            ))}
            {actor && can(actor, "notification:read") ? (
              <li>
                <Link href="/notifications" className="text-white" data-testid="notifications-link">
                  Notifications
                  {unread > 0 ? (
                    <span className="ml-1 inline-block rounded-full bg-white px-2 text-sm font-bold text-[var(--color-navy-900)]">
                      {cappedCount(unread, UNREAD_COUNT_CAP)}
                      <span className="sr-only"> unread</span>
                    </span>
                  ) : null}
                </Link>
              </li>
            ) : null}
            {session ? (
              <li className="flex items-center gap-3">
                {actor ? (
                  <Link href="/account" className="text-sm text-white">
                    {actor.name} <span className="opacity-80">({ROLE_LABELS[actor.role]})</span>
                    <span className="sr-only">: your account and security</span>
                  </Link>
                ) : (
                  <span className="text-sm">{session.actor.email}</span>
                )}
                <form action={signOutAction}>
                  <button type="submit" className="rounded border border-white px-3 py-1 text-white">
                    Sign out
                  </button>
                </form>
              </li>
            ) : (
              <li>
                <Link href="/sign-in" className="text-white">
                  Sign in
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
      {session ? (
        <SessionTimeout
          endsAt={session.endsAt.toISOString()}
          warningSeconds={warningSeconds}
          signOut={
            <form action={signOutAction}>
              <button type="submit" className="btn btn-secondary">
                Sign out
              </button>
            </form>
          }
        />
      ) : null}
    </header>
  );
}
