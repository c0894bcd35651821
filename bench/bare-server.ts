import http from "node:http";
import { verifySignature } from "../src/line/signature.js";

/**
 * The ceiling for the end-to-end benchmark: a plain node:http handler (not
 * Express) that reads the body, verifies the signature and answers 200.
 */
const secret = process.env.LINE_CHANNEL_SECRET ?? "";
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const ok = req.method === "POST" && verifySignature(secret, Buffer.concat(chunks), req.headers["x-line-signature"]);
    res.writeHead(ok ? 200 : 401, { "content-type": "application/json", "content-length": 2 }).end("{}");
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => {
  const addr = server.address();
  console.log(JSON.stringify({ msg: "ready", port: typeof addr === "object" && addr ? addr.port : 0 }));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
