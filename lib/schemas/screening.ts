// Inputs of restricted-party screening: the reviewer's decision on a hit, and the public API.
import { z } from "zod";
import { id, requiredText } from "./fields";

export const screeningReviewSchema = z.object({
  screeningResultId: id,
  licenseRequestId: id,
  decision: z.enum(["CLEARED", "CONFIRMED"], { error: "Choose whether the party is the listed one." }),
  reason: requiredText("the reason", 2000),
});
export type ScreeningReviewInput = z.output<typeof screeningReviewSchema>;
