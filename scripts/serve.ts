// The production server `npm start` runs: Next.js's own request handler behind a
// plain Node HTTP server, for what must be answered before Next.js builds a
// request object from it:
// - TRACE and TRACK are methods the Fetch standard forbids, so Next.js fails on
//   them with a 500 before the proxy runs: answered 405 here (Node itself closes
//   CONNECT requests; the proxy answers every other unknown method 405);
// - a request target that isn't a path ("*", an absolute URL) answers 400, and so
//   does a malformed Next-Router-State-Tree header (Next.js hides it from the proxy);
// - a client that hangs up mid-body raises an "aborted" error on the request
//   stream that nothing in Next.js listens for: handled here, so it isn't logged
//   as an uncaught exception.
//   tsx scripts/serve.ts --port 3000
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { ALLOWED_METHODS, checkBeforeNext } from "../lib/request-guard";

const { values } = parseArgs({ options: { port: { type: "string", default: process.env.PORT ?? "3000" } } });
const port = Number(values.port);

const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.on("error", () => undefined); // the client went away; nothing to answer
  const rejection = checkBeforeNext(request.method ?? "", request.url ?? "", request.headers["next-router-state-tree"]);
  if (rejection) {
    response.writeHead(rejection.status, {
      "content-type": "text/plain; charset=utf-8",
      "x-content-type-options": "nosniff",
      ...(rejection.status === 405 ? { allow: ALLOWED_METHODS.join(", ") } : {}),
    });
    response.end(rejection.status === 405 ? "Method not allowed." : "Bad request.");
    return;
  }
  void handle(request, response);
});
server.listen(port, () => console.log(`Serving the production build on port ${port}.`));

const stop = () => {
  server.close();
  void app.close().finally(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
