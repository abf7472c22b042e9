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
      <table className="data card mb-8">
        <caption className="sr-only">Program settings</caption>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Value</th>
            <th scope="col">Last changed</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
      <h2 className="mb-2 text-2xl font-bold">Export-control country groups</h2>
      <table className="data card">
        <caption className="sr-only">Country groups and their member countries</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Countries</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.code}>
              <td>
                {group.code}
                <span className="block text-sm">{group.description}</span>
              </td>
              <td>{group.members.map((m) => m.country.name).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
