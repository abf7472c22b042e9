// What licenses still stand between a proposal and a financing commitment. Pure.
import type { LicenseRequestStatus } from "@/lib/generated/prisma/enums";

export const LICENSE_STATUS_LABELS: Readonly<Record<LicenseRequestStatus, string>> = {
  PENDING: "Awaiting decision",
  APPROVED: "Approved",
  APPROVED_WITH_CONDITIONS: "Approved with conditions",
  PARTIALLY_APPROVED: "Partially approved",
  DENIED: "Denied",
  RETURNED_WITHOUT_ACTION: "Returned without action",
};

const GRANTED: readonly LicenseRequestStatus[] = ["APPROVED", "APPROVED_WITH_CONDITIONS"];

export function isGranted(status: LicenseRequestStatus): boolean {
  return GRANTED.includes(status);
}

/** Reasons financing can't be finalized yet; empty when every required license is granted. */
export function licenseBlockers(requests: ReadonlyArray<{ destinationName: string; status: LicenseRequestStatus }>): string[] {
  return requests
    .filter((request) => !isGranted(request.status))
    .map((request) =>
      request.status === "PENDING"
        ? `The export license for ${request.destinationName} is still awaiting Commerce's decision.`
        : `The export license for ${request.destinationName} was ${LICENSE_STATUS_LABELS[request.status].toLowerCase()}.`,
    );
}

/** How a package's license requests stand: granted, refused (decided but not granted), pending. */
export function licenseTally(statuses: ReadonlyArray<LicenseRequestStatus>) {
  const granted = statuses.filter(isGranted).length;
  const pending = statuses.filter((status) => status === "PENDING").length;
  return { total: statuses.length, granted, pending, refused: statuses.length - granted - pending };
}

/** Whole days left on Commerce's review clock (negative when overdue). */
export function reviewDaysRemaining(dueAt: Date, now: Date): number {
  return Math.ceil((dueAt.getTime() - now.getTime()) / 86_400_000);
}

/** Commerce's review clock: registered, days elapsed, days left to the target, overdue. */
export function reviewClock(registeredAt: Date, dueAt: Date, now: Date) {
  const daysElapsed = Math.max(0, Math.floor((now.getTime() - registeredAt.getTime()) / 86_400_000));
  const daysRemaining = reviewDaysRemaining(dueAt, now);
  const overdue = daysRemaining < 0;
  return {
    daysElapsed,
    daysRemaining,
    overdue,
    label: overdue ? `Day ${daysElapsed}: ${-daysRemaining} days overdue` : `Day ${daysElapsed}: ${daysRemaining} days left`,
  };
}
