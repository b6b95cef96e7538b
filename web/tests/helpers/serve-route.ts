// Serves one App Router GET handler over real HTTP on 127.0.0.1 (the catch-all segment named `param`), so
// tests can fetch URLs the app hands out exactly as a browser would. Not a test file itself.
import http from "node:http";
import type { AddressInfo } from "node:net";

type CatchAllHandler = (req: Request, route: { params: Promise<Record<string, string[]>> }) => Promise<Response>;

export async function serveCatchAll(
  handler: CatchAllHandler,
  mount: string,
  param: string,
): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const rest = url.pathname.startsWith(`${mount}/`) ? url.pathname.slice(mount.length + 1) : "";
      // Next hands the handler decoded segments
      const segments = rest.split("/").map((s) => decodeURIComponent(s));
      const response = await handler(new Request(url, { method: req.method }), {
        params: Promise.resolve({ [param]: segments }),
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch(() => res.writeHead(599).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
