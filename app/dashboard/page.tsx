import type { Metadata } from "next";
import Link from "next/link";
import { CapPositionCard } from "@/components/cap-position";
import { ConsortiumHome } from "@/components/consortium-home";
import { db } from "@/lib/db";
import { readCapPosition } from "@/lib/exposure-cap/service";
import { cappedCount } from "@/lib/counts";
import { DASHBOARD_COUNT_CAP, dashboardTotals } from "@/lib/dashboard";
import { consortiumHome } from "@/lib/home/service";
import { can } from "@/lib/policy";
import { requirePageActor } from "@/lib/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requirePageActor("dashboard:read", "/dashboard");
  const client = db();
  // Consortium staff land on their consortium's home; government roles on the program's figures.
  if (actor.role === "CONSORTIUM_MEMBER") {
    return <ConsortiumHome name={actor.name} home={await consortiumHome(client, actor)} mayCreate={can(actor, "proposal:create")} />;
  }
  const [cap, totals] = await Promise.all([readCapPosition(client), dashboardTotals(client, actor)]);
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">Welcome, {actor.name}</h1>
      <div className="mb-8 grid gap-4 sm:grid-cols-3">
        <div className="card">
          <h2 className="font-semibold">Submitted proposals</h2>
          <p className="text-3xl font-bold">{cappedCount(totals.proposals, DASHBOARD_COUNT_CAP)}</p>
          <Link href="/proposals">View proposals</Link>
        </div>
        {totals.pendingLicenses !== null ? (
          <div className="card">
            <h2 className="font-semibold">License requests awaiting decision</h2>
            <p className="text-3xl font-bold">{cappedCount(totals.pendingLicenses, DASHBOARD_COUNT_CAP)}</p>
            <Link href="/licensing">Open the license queue</Link>
          </div>
        ) : null}
        {totals.financingQueue !== null ? (
          <div className="card">
            <h2 className="font-semibold">Proposals awaiting financing</h2>
            <p className="text-3xl font-bold">{cappedCount(totals.financingQueue, DASHBOARD_COUNT_CAP)}</p>
            <Link href="/financing">Open the financing queue</Link>
          </div>
        ) : null}
        {can(actor, "proposal:create") ? (
          <div className="card">
            <h2 className="font-semibold">Start a proposal</h2>
            <p className="my-2 text-sm">File a full-stack AI export package for your consortium.</p>
            <Link href="/proposals/new">Start a new proposal</Link>
          </div>
        ) : null}
      </div>
      <CapPositionCard cap={cap} />
    </>
  );
}
