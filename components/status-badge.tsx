import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/workflow";

const TONES: Record<ProposalStatus, string> = {
  DRAFT: "bg-gray-100 text-gray-900 border-gray-400",
  SUBMITTED: "bg-blue-50 text-blue-900 border-blue-400",
  IN_LICENSE_REVIEW: "bg-amber-50 text-amber-900 border-amber-500",
  IN_FINANCING_REVIEW: "bg-indigo-50 text-indigo-900 border-indigo-400",
  APPROVED: "bg-green-50 text-green-900 border-green-600",
  DECLINED: "bg-red-50 text-red-900 border-red-500",
  WITHDRAWN: "bg-gray-100 text-gray-800 border-gray-400",
  RETURNED_FOR_REVISION: "bg-orange-50 text-orange-900 border-orange-500",
  CANCELLED: "bg-gray-100 text-gray-800 border-gray-500",
};

export function StatusBadge({ status }: { status: ProposalStatus }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${TONES[status]}`}>{STATUS_LABELS[status]}</span>;
}
