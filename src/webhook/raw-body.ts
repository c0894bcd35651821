import type { IncomingMessage } from "node:http";

/** Why a body could not be read, as the webhook answers it. */
export type BodyFailure = "too-large" | "bad-request";

/**
 * Reads a request body as a Buffer, up to a limit. The signature is over the
 * exact bytes, so nothing is decoded or inflated (LINE sends plain JSON; any
 * Content-Encoding is refused). A refused body is drained, not read, so the
 * connection stays usable for the answer.
 */
export function readRawBody(req: IncomingMessage, limitBytes: number, done: (failure: BodyFailure | null, body: Buffer) => void): void {
  const encoding = req.headers["content-encoding"];
  if (encoding !== undefined && encoding.toLowerCase() !== "identity") {
    req.resume();
    done("bad-request", EMPTY);
    return;
  }
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limitBytes) {
    req.resume();
    done("too-large", EMPTY);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const settle = (failure: BodyFailure | null) => {
    if (settled) return;
    settled = true;
    req.off("data", onData);
    if (failure) {
      req.resume();
      done(failure, EMPTY);
      return;
    }
    done(null, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limitBytes) settle("too-large");
    else chunks.push(chunk);
  };
  req.on("data", onData);
  req.once("end", () => settle(null));
  req.once("aborted", () => settle("bad-request"));
  req.once("error", () => settle("bad-request"));
}

const EMPTY = Buffer.alloc(0);
