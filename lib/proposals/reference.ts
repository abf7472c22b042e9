// Human-readable proposal references (AIE-2026-00042), from a database sequence
// so that concurrent creations never collide.
type SequenceReader = { $queryRaw<T>(query: TemplateStringsArray, ...values: unknown[]): Promise<T> };

export async function nextProposalReference(tx: SequenceReader, now = new Date()): Promise<string> {
  const [{ next }] = await tx.$queryRaw<[{ next: bigint }]>`SELECT nextval('proposal_reference_seq') AS next`;
  return `AIE-${now.getUTCFullYear()}-${next.toString().padStart(5, "0")}`;
}
