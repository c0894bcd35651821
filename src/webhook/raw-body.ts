import type { NextFunction, Request, RequestHandler, Response } from "express";

/** An error shaped like body-parser's, so webhookErrorHandler answers it the same way. */
function bodyError(type: string, status: number): Error {
  return Object.assign(new Error(type), { type, status, expose: true });
}

/**
 * Reads the request body as a Buffer, up to a limit, into req.body. The
 * signature is over the exact bytes, so nothing is decoded or inflated (LINE
 * sends plain JSON; any Content-Encoding is refused). This does in a few
 * lines what express.raw() does with content-type, charset and inflate
 * handling the webhook never needs, on the one route every event takes.
 */
export function rawBody(limitBytes: number): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
    if (encoding !== "identity") {
      req.resume();
      next(bodyError("encoding.unsupported", 415));
      return;
    }
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limitBytes) {
      req.resume();
      next(bodyError("entity.too.large", 413));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (err?: Error) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      if (err) {
        req.resume();
        next(err);
        return;
      }
      req.body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
      next();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) settle(bodyError("entity.too.large", 413));
      else chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => settle());
    req.once("aborted", () => settle(bodyError("request.aborted", 400)));
    req.once("error", () => settle(bodyError("request.aborted", 400)));
  };
}
