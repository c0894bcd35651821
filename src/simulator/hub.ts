import type { Response } from "express";
import type { RecordedCall } from "../line/fake-platform.js";

/** Fans what the bot sends (the local capture) out to every open simulator page, live, over server-sent events. */
export class SimulatorHub {
  private clients = new Set<Response>();
  private counter = 0;

  attach(res: Response): void {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.write(": connected\n\n");
    this.clients.add(res);
    res.on("close", () => this.clients.delete(res));
  }

  publish(call: RecordedCall): void {
    if (!call.path.startsWith("/v2/bot/message/")) return;
    const data = JSON.stringify({ id: ++this.counter, path: call.path, status: call.status, body: call.body });
    for (const c of this.clients) c.write(`data: ${data}\n\n`);
  }

  close(): void {
    for (const c of this.clients) c.end();
    this.clients.clear();
  }
}
