import { maskPersonal } from "../util/mask.js";

/**
 * What local mode logs about a captured LINE call. At info level only its
 * shape (path, status, message types): the texts carry names and phone
 * numbers. At debug level the texts too, with phone numbers and addresses masked.
 */
export function capturedCallFields(call: { path: string; status: number; body?: { messages?: { type: string; text?: string; altText?: string }[] } }, debug: boolean): Record<string, unknown> {
  const messages = call.body?.messages ?? [];
  const fields: Record<string, unknown> = { path: call.path, status: call.status, messageTypes: messages.map((m) => m.type) };
  if (debug) fields.texts = messages.map((m) => maskPersonal(m.text ?? m.altText ?? ""));
  return fields;
}
