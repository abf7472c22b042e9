// Setting up an authenticator app: the QR code (an SVG made on the server, so
// no script is needed to show it), the key to type where a camera can't be used,
// and the form that confirms a first code.
import { EnrollmentForm } from "./enrollment-form";

export function EnrollmentPanel({ qrSvg, secret, continueTo }: { qrSvg: string; secret: string; continueTo: string }) {
  const grouped = secret.match(/.{1,4}/g)!.join(" ");
  return (
    <ol className="grid gap-6">
      <li className="card">
        <h2 className="mb-2 text-xl font-semibold">1. Scan the QR code</h2>
        <p className="mb-3">
          Open an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or 1Password) and add an
          account by scanning this code.
        </p>
        <div role="img" aria-label="QR code for your authenticator app" className="w-56 bg-white" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <details className="mt-3">
          <summary>Can&apos;t scan it? Type this key instead</summary>
          <p className="mt-2">
            Key (time-based, 6 digits): <code className="break-all font-mono text-lg">{grouped}</code>
          </p>
        </details>
      </li>
      <li className="card">
        <h2 className="mb-2 text-xl font-semibold">2. Enter the code the app shows</h2>
        <EnrollmentForm continueTo={continueTo} />
      </li>
    </ol>
  );
}
