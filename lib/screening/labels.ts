import type { ScreeningOutcome } from "@/lib/generated/prisma/enums";

export const SCREENING_OUTCOME_LABELS: Readonly<Record<ScreeningOutcome, string>> = {
  NO_MATCH: "No match",
  POSSIBLE_MATCH: "Possible match: to review",
  CLEARED: "Cleared",
  CONFIRMED: "Confirmed match",
};
