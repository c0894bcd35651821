import { createHash } from "node:crypto";
import { insertBroadcast } from "../../data/broadcasts.js";
import type { Db } from "../../data/client.js";
import type { Message } from "../../line/messages.js";
import { MAX_MULTICAST_RECIPIENTS, chunk } from "../../line/limits.js";
import type { Audience } from "./audience.js";

/**
 * A persisted announcement: recipients resolved now, split into multicast
 * chunks of 500, each with a retry key stored before anything is sent.
 */
export async function createBroadcast(
  db: Db,
  o: { createdBy: number | null; audience: Audience; messages: Message[]; recipients: string[]; urgent: boolean; sendAt: Date },
) {
  const json = JSON.stringify(o.messages);
  const hash = createHash("sha256").update(json).digest("hex");
  return insertBroadcast(db, {
    createdBy: o.createdBy,
    audience: JSON.stringify(o.audience),
    messages: json,
    messageHash: hash,
    urgent: o.urgent,
    scheduledAt: o.sendAt,
    chunks: chunk(o.recipients, MAX_MULTICAST_RECIPIENTS),
    // Audit: who, when, audience, count and a hash of the message, never the text itself.
    auditDetail: { audience: o.audience, count: o.recipients.length, messageHash: hash, urgent: o.urgent, sendAt: o.sendAt },
  });
}
