// Security headers, Secure cookies behind HTTPS, and malformed requests answered
// 4xx (each request below answered 500 before the proxy refused it).
import { readFileSync } from "node:fs";
import http from "node:http";
import { expect } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/demo";
import { MEMBER, signIn, test } from "./support";

/** The build's action ids, as the page's JavaScript sends them. */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName);
  if (!found) throw new Error(`No action ${exportedName} in the build`);
  return found[0];
}

function multipart(fields: Record<string, string>) {
  const body = Object.entries(fields).map(([name, value]) => `--zz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + "--zz--\r\n";
  return { body, type: "multipart/form-data; boundary=zz" };
}

/** Raw HTTP for what Playwright's client won't send: other methods, "*" targets, chunked bodies. */
function raw(baseURL: string, options: { method: string; path: string; headers?: Record<string, string>; chunks?: string[] }): Promise<number> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: options.method, path: options.path, headers: options.headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

test("pages carry a nonce-based Content-Security-Policy and the other security headers", async ({ page }) => {
  const first = await page.request.get("/sign-in");
  const second = await page.request.get("/sign-in");
  const policy = first.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(/'nonce-([^']+)'/.exec(second.headers()["content-security-policy"]!)?.[1]).not.toBe(nonce);
  const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("unsafe-inline");
  for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"]) expect(policy).toContain(directive);
  // Next.js put the nonce on the page's scripts.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

  const headers = first.headers();
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d{8,}/); // npm start runs in production
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  // The page works under it: signing in runs the form's script.
  await signIn(page, MEMBER);
});

test("an injected inline script doesn't run, and the journeys' policy guard sees the violation", async ({ page, cspViolations }) => {
  // The portal's real answer, with a script injected into its HTML as a stored
  // cross-site script would be: no nonce, so the policy must block it.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", "<script>window.injected = true</script></body>");
    await route.fulfill({ response, body: html });
  });
  await page.goto("/sign-in");
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(cspViolations.join("\n")).toMatch(/script-src/);
  cspViolations.length = 0; // seen and expected here; any other violation fails its test
});

/** The session cookie among a response's Set-Cookie headers. */
function sessionCookie(headers: Array<{ name: string; value: string }>): string | undefined {
  return headers.filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value).find((c) => /authjs\.session-token=/.test(c));
}

test("behind an HTTPS proxy, the session cookie is Secure", async ({ page, request, playwright, baseURL }) => {
  // Auth.js's own endpoint.
  const https = { "x-forwarded-proto": "https" };
  const csrf = await request.get("/api/auth/csrf", { headers: https });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await request.post("/api/auth/callback/credentials", {
    headers: https,
    form: { email: MEMBER, password: DEMO_PASSWORD, csrfToken, callbackUrl: "/dashboard" },
    maxRedirects: 0,
  });
  const fromEndpoint = sessionCookie(answer.headersArray());
  expect(fromEndpoint).toMatch(/^__Secure-authjs\.session-token=.*;\s*Secure/i);
  expect(fromEndpoint).toMatch(/;\s*HttpOnly/i);

  // The sign-in form, whose action posts as if through a TLS-terminating proxy.
  await page.goto("/sign-in");
  await page.route("**/sign-in", (route) =>
    route.request().method() === "POST" ? route.continue({ headers: { ...route.request().headers(), ...https } }) : route.continue(),
  );
  await page.getByLabel("Email address").fill(MEMBER);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  const [posted] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in"),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  expect(sessionCookie(await posted.headersArray())).toMatch(/^__Secure-authjs\.session-token=.*;\s*Secure/i);

  // Plain HTTP (no proxy header): an ordinary cookie, which browsers keep on http://localhost.
  const fresh = await playwright.request.newContext({ baseURL });
  const plain = (await fresh.get("/api/auth/csrf")).headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  expect(plain.find((c) => c.startsWith("authjs.csrf-token="))).toBeTruthy();
  expect(plain.join("\n")).not.toMatch(/Secure/i);
  await fresh.dispose();
});

test("malformed requests answer 4xx, never 500", async ({ request, baseURL }) => {
  const signInAction = actionId("signInAction");
  const call = (headers: Record<string, string>, data: string, path = "/sign-in") =>
    request.post(path, { headers: { "next-action": signInAction, ...headers }, data }).then((r) => r.status());

  // The sign-in action, signed out, with arguments that aren't its form.
  expect(await call({ "content-type": "text/plain;charset=UTF-8" }, '["a","b"]')).toBe(400);
  expect(await call({ "content-type": "application/json" }, '{"email":"x"}')).toBe(400);
  const formAlone = multipart({ "0": '["$K1"]', "1_email": "a@b.example" });
  expect(await call({ "content-type": formAlone.type }, formAlone.body)).toBe(400);
  expect(await call({ "content-type": "multipart/form-data; boundary=zz" }, "--zz\r\nbroken")).toBe(400);
  const form = multipart({ "0": '[{"status":"idle","fieldErrors":{},"values":{}},"$K1"]', "1_email": "a@b.example", "1_password": "wrong" });
  expect(await call({ "content-type": form.type, "next-action": `60${"0".repeat(40)}` }, form.body)).toBe(404);
  expect(await call({ "content-type": form.type, origin: "http://evil.example" }, form.body)).toBe(403);
  expect(await call({ "content-type": form.type, rsc: "1", "next-router-state-tree": "%7B" }, form.body)).toBe(400);
  // The same form, well formed, is an ordinary wrong-password answer.
  expect(await call({ "content-type": form.type }, form.body)).toBe(200);

  expect((await request.get("/dashboard", { headers: { "next-action": signInAction } })).status()).toBe(400);
  expect((await request.get("/sign-in", { headers: { "x-forwarded-proto": "" } })).status()).toBe(400);
  expect((await request.get("/sign-in", { headers: { "x-forwarded-host": "evil.example, x" } })).status()).toBe(400);
  expect((await request.fetch("/sign-in", { method: "PUT" })).status()).toBe(405);

  const big = "x".repeat(1024 * 1024 + 1);
  expect(await call({ "content-type": form.type }, big)).toBe(413);
  const chunked = await raw(baseURL!, {
    method: "POST",
    path: "/sign-in",
    headers: { "next-action": signInAction, "content-type": form.type, "transfer-encoding": "chunked" },
    chunks: Array.from({ length: 5 }, () => "y".repeat(300_000)),
  });
  expect(chunked).toBe(413);
  expect(await raw(baseURL!, { method: "TRACE", path: "/" })).toBe(405);
  expect(await raw(baseURL!, { method: "OPTIONS", path: "*" })).toBe(400);
});
