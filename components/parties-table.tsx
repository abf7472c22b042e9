// The parties to an export as a table: the consortium's parties step and the
// reviewer's workbench show the same facts the same way.
import type { ReactNode } from "react";
import { DataTable } from "@/components/data-table";
import type { PartyRole } from "@/lib/generated/prisma/enums";
import { PARTY_ROLE_LABELS } from "@/lib/licensing/determination";

type PartyRow = {
  id: string;
  role: PartyRole;
  name: string;
  address: string | null;
  parentName: string | null;
  country: { name: string };
  headquartersCountry: { name: string } | null;
  parentCountry: { name: string } | null;
};

export function PartiesTable({ parties, actions }: { parties: readonly PartyRow[]; actions?: (party: PartyRow) => ReactNode }) {
  return (
    <DataTable caption="Parties to the export" columns={["Role", "Name and address", "Located in", "Headquarters", "Ultimate parent", ...(actions ? ["Actions"] : [])]}>
      {parties.map((party) => (
        <tr key={party.id}>
          <td className="whitespace-nowrap">{PARTY_ROLE_LABELS[party.role][0]!.toUpperCase() + PARTY_ROLE_LABELS[party.role].slice(1)}</td>
          <td>
            {party.name}
            {party.address ? <span className="block text-sm text-[var(--color-muted)]">{party.address}</span> : null}
          </td>
          <td>{party.country.name}</td>
          <td>{party.headquartersCountry?.name ?? "—"}</td>
          <td>{party.parentName ? `${party.parentName} (${party.parentCountry?.name ?? "country not given"})` : "None"}</td>
          {actions ? <td className="whitespace-nowrap">{actions(party)}</td> : null}
        </tr>
      ))}
    </DataTable>
  );
}
