// The form of one line item (new or existing), with its live totals: shared by
// the add and edit pages of the package step.
import { ActionForm } from "@/components/form/action-form";
import { Autosave } from "@/components/form/autosave";
import { LiveTotals } from "@/components/builder/live-totals";
import type { StackLayer } from "@/lib/generated/prisma/enums";
import { packageValue, type PricedItem } from "@/lib/financing/rules";
import { lineItemFieldsFor } from "../../../proposal-fields";
import { addLineItemStepAction, saveLineItemAction } from "../../builder-actions";

type Current = Parameters<typeof lineItemFieldsFor>[2];

export function ItemEditor({
  proposal,
  layer,
  suppliers,
  otherItems,
  threshold,
  item,
}: {
  proposal: { id: string; version: number };
  layer: StackLayer;
  suppliers: Array<{ id: string; legalName: string }>;
  otherItems: readonly PricedItem[];
  threshold: number;
  item?: { id: string; description: string; current: NonNullable<Current> };
}) {
  const others = packageValue(otherItems);
  const current = item?.current ?? {};
  const form = (
    <ActionForm
      action={item ? saveLineItemAction : addLineItemStepAction}
      label={item ? `Edit ${item.description}` : "Add a line item"}
      submitLabel={item ? "Save line item" : "Add line item"}
      hidden={{ proposalId: proposal.id, expectedVersion: String(proposal.version), layer, ...(item ? { lineItemId: item.id } : {}) }}
      fields={lineItemFieldsFor(layer, suppliers, current)}
    />
  );
  return (
    <>
      <LiveTotals
        otherValueCents={others.contractPriceCents.toString()}
        otherUsCentBasisPoints={others.usContentCentBasisPoints.toString()}
        thresholdBasisPoints={threshold}
        initial={{ quantity: current.quantity ?? "", unitPrice: current.unitPrice ?? "", usContent: current.usContent ?? "" }}
      />
      {item ? (
        // An existing item saves as it is edited; a new one is added with the button (an autosave would add it twice).
        <Autosave action={saveLineItemAction} proposalId={proposal.id} step={`item:${item.id}`}>
          {form}
        </Autosave>
      ) : (
        form
      )}
    </>
  );
}
