// The web server npm start runs: Next's request handler behind Node's http server, so every request
// carries the TCP peer's address in a header only this server writes (a client's copy is overwritten).
// `next start` offers no way to see the socket, and X-Forwarded-For is whatever the client sent.
//   --dev   next dev instead of the production build
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { SOCKET_ADDRESS_HEADER } from "../lib/auth/client-address";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
process.env.VETE_SOCKET_ADDRESS_HEADER = "1";

async function main() {
  const app = next({ dev, dir: path.join(__dirname, ".."), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    void handle(req, res);
  });
  server.listen(port, () => console.log(`[vete] web server listening on port ${port}`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err: unknown) => {
  console.error(`[vete] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
