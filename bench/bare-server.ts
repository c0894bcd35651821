import express from "express";
import { verifySignature } from "../src/line/signature.js";

/** The ceiling for the end-to-end benchmark: Express that only verifies the signature and answers 200. */
const secret = process.env.LINE_CHANNEL_SECRET ?? "";
const app = express();
app.post("/webhook", express.raw({ type: () => true, limit: "1mb" }), (req, res) => {
  res.status(verifySignature(secret, req.body, req.headers["x-line-signature"]) ? 200 : 401).end();
});
const server = app.listen(0, "127.0.0.1", () => {
  const addr = server.address();
  console.log(JSON.stringify({ msg: "ready", port: typeof addr === "object" && addr ? addr.port : 0 }));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
