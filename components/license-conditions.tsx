// A license's number, validity and binding conditions, as the consortium, the
// EXIM officer and the reviewer see them.
type Condition = { kind: string; label: string; text: string };

function conditionsOf(value: unknown): Condition[] {
  return Array.isArray(value)
    ? value.filter((c): c is Condition => typeof c === "object" && c !== null && typeof (c as Condition).text === "string" && typeof (c as Condition).label === "string")
    : [];
}

export function LicenseTerms({
  licenseNumber,
  expiresAt,
  decision,
}: {
  licenseNumber: string | null;
  expiresAt: Date | null;
  decision?: { reason: string; conditions: string | null; conditionList: unknown } | null;
}) {
  const conditions = conditionsOf(decision?.conditionList);
  return (
    <div className="mt-1 text-sm">
      {licenseNumber ? (
        <p data-testid="license-number">
          License <strong>{licenseNumber}</strong>, valid to <time dateTime={expiresAt?.toISOString()}>{expiresAt?.toISOString().slice(0, 10)}</time>
        </p>
      ) : null}
      {decision ? <p>Commerce&apos;s reason: {decision.reason}</p> : null}
      {conditions.length > 0 ? (
        <>
          <p className="font-semibold">Binding conditions:</p>
          <ol className="list-decimal pl-6" aria-label="Binding conditions of the license">
            {conditions.map((condition, index) => (
              <li key={index}>
                <span className="font-semibold">{condition.label}:</span> {condition.text}
              </li>
            ))}
          </ol>
        </>
      ) : decision?.conditions ? (
        <p className="font-semibold">Binding conditions: {decision.conditions}</p>
      ) : null}
    </div>
  );
}
