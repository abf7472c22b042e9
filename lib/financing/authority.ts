// Who may give a final commitment, pure. An officer decides up to a limit
// ($25M); above it the board's decision must be on record first; above a higher
// threshold ($100M) a congressional notification period (35 days) must have
// passed. All three figures are settings.
import { addDays, differenceInCalendarDays, formatISO } from "date-fns";
import { UTCDate } from "@date-fns/utc";
import { formatCents } from "@/lib/money";
import type { ProgramSettings } from "@/lib/settings";

export type AuthorityRules = Pick<
  ProgramSettings,
  "financing.officerAuthorityMaxCents" | "financing.congressionalNotificationAboveCents" | "financing.congressionalNotificationDays"
>;

export type AuthorityRecord = {
  boardDecidedAt: Date | null;
  boardMinuteReference: string | null;
  congressNotifiedAt: Date | null;
};

export type AuthorityLevel = "OFFICER" | "BOARD" | "BOARD_AND_CONGRESS";

export const AUTHORITY_LABELS: Readonly<Record<AuthorityLevel, string>> = {
  OFFICER: "An EXIM officer decides",
  BOARD: "EXIM's board decides",
  BOARD_AND_CONGRESS: "EXIM's board decides, after a congressional notification period",
};

export function authorityLevel(amountCents: bigint, rules: AuthorityRules): AuthorityLevel {
  if (amountCents > rules["financing.congressionalNotificationAboveCents"]) return "BOARD_AND_CONGRESS";
  if (amountCents > rules["financing.officerAuthorityMaxCents"]) return "BOARD";
  return "OFFICER";
}

const day = (date: Date) => formatISO(new UTCDate(date), { representation: "date" });

/** The first day a final commitment may be given after notifying Congress on `notifiedAt`. */
export function notificationPeriodEnds(notifiedAt: Date, rules: AuthorityRules): Date {
  return addDays(new UTCDate(notifiedAt), rules["financing.congressionalNotificationDays"]);
}

/** Every reason the final commitment of `amountCents` can't be given yet, on `today`. */
export function authorityProblems(amountCents: bigint, record: AuthorityRecord, today: Date, rules: AuthorityRules): string[] {
  const level = authorityLevel(amountCents, rules);
  const problems: string[] = [];
  if (level !== "OFFICER" && (!record.boardDecidedAt || !record.boardMinuteReference)) {
    problems.push(
      `Above ${formatCents(rules["financing.officerAuthorityMaxCents"])} EXIM's board decides: record the board's decision (its date and minute reference) before the final commitment.`,
    );
  }
  if (level === "BOARD_AND_CONGRESS") {
    if (!record.congressNotifiedAt) {
      problems.push(
        `Above ${formatCents(rules["financing.congressionalNotificationAboveCents"])} Congress must be notified ${rules["financing.congressionalNotificationDays"]} days before the final commitment: record the notification first.`,
      );
    } else {
      const ends = notificationPeriodEnds(record.congressNotifiedAt, rules);
      if (differenceInCalendarDays(ends, new UTCDate(today)) > 0) {
        problems.push(
          `The congressional notification period runs until ${day(ends)} (${rules["financing.congressionalNotificationDays"]} days from ${day(record.congressNotifiedAt)}); the final commitment can be given from that day.`,
        );
      }
    }
  }
  return problems;
}
