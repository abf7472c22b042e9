import { DataTable } from "@/components/data-table";
import type { Metadata } from "next";
import Link from "next/link";
import { latestAuditVerification } from "@/lib/audit-chain/service";
import { db } from "@/lib/db";
import { JOBS } from "@/lib/jobs/definitions";
import { listSettings } from "@/lib/settings-admin";
import { requirePageActor } from "@/lib/session";

export const metadata: Metadata = { title: "Program settings" };

export default async function SettingsPage() {
  await requirePageActor("settings:manage", "/admin/settings");
  const [{ settings, groups }, verification] = await Promise.all([listSettings(db()), latestAuditVerification(db())]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Program settings</h1>
      <p className="mb-6">The rules the portal applies, as configured. Changes take effect on the next request.</p>
      <section aria-labelledby="audit-trail" className="card mb-8">
        <h2 id="audit-trail" className="mb-2 text-2xl font-bold">Audit trail</h2>
        {verification ? (
          <>
            <p className={verification.ok ? "" : "font-bold text-[var(--color-error)]"}>
              Last verified {verification.finishedAt.toISOString().replace("T", " ").slice(0, 16)} UTC (by the {verification.ranBy}):{" "}
              {verification.ok ? `intact, ${verification.eventsChecked} events checked.` : `broken. ${verification.problem ?? ""}`}
            </p>
            <p>{verification.capBalanceNote}</p>
          </>
        ) : (
          <p>Not verified yet.</p>
        )}
        <p className="text-sm text-[var(--color-muted)]">
          The daily job verifies the hash chain and the cap balance (schedule <span className="font-mono">{JOBS.verifyAuditTrail.cron}</span> UTC);{" "}
          <span className="font-mono">npm run audit:verify</span> runs it at once.
        </p>
      </section>
      <DataTable caption="Program settings" columns={["Setting", "Value", "Last changed"]} className="card mb-8">
        {settings.map((setting) => (
          <tr key={setting.key}>
            <td>
              {setting.description}
              <span className="block font-mono text-xs text-[var(--color-muted)]">{setting.key}</span>
            </td>
            <td className="font-mono text-sm">{JSON.stringify(setting.value)}</td>
            <td>{setting.updatedAt.toISOString().slice(0, 10)}</td>
          </tr>
        ))}
      </DataTable>
      <h2 className="mb-2 text-2xl font-bold">Export-control country groups</h2>
      <p className="mb-4">
        As in force now; change them, the controlled ECCNs and the chip thresholds under <Link href="/admin/export-controls">Export controls</Link>.
      </p>
      <DataTable caption="Country groups and their member countries" columns={["Group", "Countries"]}>
        {groups.map((group) => (
          <tr key={group.code}>
            <td>
              {group.code}
              <span className="block text-sm">{group.description}</span>
            </td>
            <td>{group.members.map((m) => m.country.name).join(", ")}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
