// Exposure-cap arithmetic, pure. The statutory limit and the exposure drawn before
// the program are settings; the program's own draws and releases are the ledger.
export type CapPosition = {
  statutoryLimitCents: bigint;
  drawnCents: bigint;
  headroomCents: bigint;
  /** Share of the limit drawn, in basis points. */
  utilizationBasisPoints: number;
};

export function capPosition(statutoryLimitCents: bigint, drawnAtStartCents: bigint, ledgerBalanceCents: bigint): CapPosition {
  const drawnCents = drawnAtStartCents + ledgerBalanceCents;
  return {
    statutoryLimitCents,
    drawnCents,
    headroomCents: statutoryLimitCents - drawnCents,
    utilizationBasisPoints: statutoryLimitCents === 0n ? 10_000 : Number((drawnCents * 10_000n) / statutoryLimitCents),
  };
}

/** Whether a new draw fits under the cap. */
export function drawFits(position: CapPosition, amountCents: bigint): boolean {
  return amountCents > 0n && amountCents <= position.headroomCents;
}
