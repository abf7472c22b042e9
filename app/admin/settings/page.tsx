import { DataTable } from "@/components/data-table";
import type { Metadata } from "next";
import { db } from "@/lib/db";
import { listSettings } from "@/lib/settings-admin";
import { requirePageActor } from "@/lib/session";

export const metadata: Metadata = { title: "Program settings" };

export default async function SettingsPage() {
  await requirePageActor("settings:manage", "/admin/settings");
  const { settings, groups } = await listSettings(db());
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Program settings</h1>
      <p className="mb-6">The rules the portal applies, as configured. Changes take effect on the next request.</p>
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
