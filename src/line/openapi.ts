import fs from "node:fs";
import yaml from "js-yaml";
import { projectPath } from "../paths.js";

/**
 * A small validator for LINE's OpenAPI 3 documents: enough of JSON Schema
 * (types, required, enums, lengths, items, allOf/oneOf/anyOf, nullable,
 * patterns) plus OpenAPI's discriminator mappings, which LINE uses for every
 * message, action and Flex component type. Ajv's discriminator support needs
 * oneOf, which LINE's documents do not use, hence this walker.
 */

type Schema = Record<string, any>;
export interface Violation {
  path: string;
  message: string;
}

/** LINE's OpenAPI documents, vendored unchanged with their Apache-2.0 licence. */
export const SPEC_DIR = projectPath("src", "line", "spec");

export class OpenApiDocument {
  private readonly schemas: Record<string, Schema>;
  private readonly operations: { method: string; pattern: RegExp; template: string; body?: Schema }[] = [];

  constructor(readonly doc: Schema) {
    this.schemas = doc.components?.schemas ?? {};
    for (const [template, ops] of Object.entries<Record<string, Schema>>(doc.paths ?? {})) {
      const pattern = new RegExp("^" + template.replace(/\{[^}]+\}/g, "[^/]+") + "$");
      for (const [method, op] of Object.entries(ops)) {
        const body = op?.requestBody?.content?.["application/json"]?.schema;
        this.operations.push({ method: method.toUpperCase(), pattern, template, body });
      }
    }
  }

  static load(file: string): OpenApiDocument {
    return new OpenApiDocument(yaml.load(fs.readFileSync(file, "utf8")) as Schema);
  }

  /** The documented operation for a request, or undefined when the path is not in the document. */
  operation(method: string, urlPath: string) {
    const p = urlPath.split("?")[0];
    return this.operations.find((o) => o.method === method.toUpperCase() && o.pattern.test(p));
  }

  validateRequest(method: string, urlPath: string, body: unknown): Violation[] {
    const op = this.operation(method, urlPath);
    if (!op) return [{ path: urlPath, message: `${method} ${urlPath} is not a documented operation` }];
    if (!op.body) return [];
    return this.validate(body, op.body);
  }

  validateSchema(name: string, value: unknown): Violation[] {
    return this.validate(value, { $ref: `#/components/schemas/${name}` });
  }

  validate(value: unknown, schema: Schema, at = "$"): Violation[] {
    const out: Violation[] = [];
    this.walk(value, schema, at, out, false);
    return out;
  }

  private resolve(ref: string): Schema {
    const name = ref.replace("#/components/schemas/", "");
    const s = this.schemas[name];
    if (!s) throw new Error(`unresolved $ref ${ref}`);
    return s;
  }

  private walk(value: unknown, schema: Schema, at: string, out: Violation[], insideAllOf: boolean): void {
    if (schema.$ref) {
      const target = this.resolve(schema.$ref);
      const d = target.discriminator;
      if (d && !insideAllOf && value && typeof value === "object" && !Array.isArray(value)) {
        const tag = (value as Record<string, unknown>)[d.propertyName];
        const mapped = typeof tag === "string" ? d.mapping?.[tag] : undefined;
        if (!mapped) {
          out.push({ path: `${at}.${d.propertyName}`, message: `unknown ${d.propertyName} "${String(tag)}"` });
          return;
        }
        if (mapped !== schema.$ref) return this.walk(value, { $ref: mapped }, at, out, false);
      }
      return this.walk(value, target, at, out, false);
    }
    if (value === null) {
      if (!schema.nullable && schema.type) out.push({ path: at, message: "must not be null" });
      return;
    }
    for (const part of schema.allOf ?? []) this.walk(value, part, at, out, true);
    for (const key of ["oneOf", "anyOf"] as const) {
      if (!schema[key]) continue;
      const ok = (schema[key] as Schema[]).some((s) => this.validate(value, s, at).length === 0);
      if (!ok) out.push({ path: at, message: `matches none of ${key}` });
    }
    if (schema.enum && !schema.enum.includes(value)) {
      out.push({ path: at, message: `must be one of ${schema.enum.join(", ")}` });
    }
    switch (schema.type) {
      case "object":
        if (typeof value !== "object" || Array.isArray(value)) return void out.push({ path: at, message: "must be an object" });
        break;
      case "array":
        if (!Array.isArray(value)) return void out.push({ path: at, message: "must be an array" });
        break;
      case "string":
        if (typeof value !== "string") return void out.push({ path: at, message: "must be a string" });
        break;
      case "integer":
        if (!Number.isInteger(value)) return void out.push({ path: at, message: "must be an integer" });
        break;
      case "number":
        if (typeof value !== "number" || !Number.isFinite(value)) return void out.push({ path: at, message: "must be a number" });
        break;
      case "boolean":
        if (typeof value !== "boolean") return void out.push({ path: at, message: "must be a boolean" });
        break;
    }
    if (typeof value === "string") {
      const len = [...value].length;
      if (schema.maxLength !== undefined && len > schema.maxLength) out.push({ path: at, message: `longer than ${schema.maxLength}` });
      if (schema.minLength !== undefined && len < schema.minLength) out.push({ path: at, message: `shorter than ${schema.minLength}` });
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) out.push({ path: at, message: `does not match ${schema.pattern}` });
      if (schema.format === "uri" && !/^[a-z][a-z0-9+.-]*:/i.test(value)) out.push({ path: at, message: "must be a URI" });
    }
    if (typeof value === "number") {
      if (schema.maximum !== undefined && value > schema.maximum) out.push({ path: at, message: `above ${schema.maximum}` });
      if (schema.minimum !== undefined && value < schema.minimum) out.push({ path: at, message: `below ${schema.minimum}` });
    }
    if (Array.isArray(value)) {
      if (schema.maxItems !== undefined && value.length > schema.maxItems) out.push({ path: at, message: `more than ${schema.maxItems} items` });
      if (schema.minItems !== undefined && value.length < schema.minItems) out.push({ path: at, message: `fewer than ${schema.minItems} items` });
      if (schema.items) value.forEach((v, i) => this.walk(v, schema.items, `${at}[${i}]`, out, false));
    }
    if (typeof value === "object" && !Array.isArray(value)) {
      const obj = value as Record<string, unknown>;
      for (const r of schema.required ?? []) {
        if (obj[r] === undefined) out.push({ path: `${at}.${r}`, message: "is required" });
      }
      for (const [k, s] of Object.entries<Schema>(schema.properties ?? {})) {
        if (obj[k] !== undefined) this.walk(obj[k], s, `${at}.${k}`, out, false);
      }
    }
  }
}

/**
 * Limits LINE documents in prose rather than in the schema; checked on every
 * outgoing message so a request LINE would reject fails in tests first.
 */
export function documentedLimitViolations(body: any): Violation[] {
  const out: Violation[] = [];
  const messages: any[] = Array.isArray(body?.messages) ? body.messages : [];
  if (Array.isArray(body?.to) && body.to.length > 500) out.push({ path: "$.to", message: "more than 500 recipients" });
  messages.forEach((m, i) => {
    const at = `$.messages[${i}]`;
    if (m?.type === "text" && typeof m.text === "string" && [...m.text].length > 5000) out.push({ path: `${at}.text`, message: "text longer than 5000 characters" });
    if (m?.type === "text" && typeof m.text === "string" && m.text.trim() === "") out.push({ path: `${at}.text`, message: "text is empty" });
    if ((m?.type === "flex" || m?.type === "template") && typeof m.altText === "string" && [...m.altText].length > 1500) out.push({ path: `${at}.altText`, message: "altText longer than 1500 characters" });
    if (m?.type === "flex" && m.contents?.type === "carousel" && Array.isArray(m.contents.contents) && m.contents.contents.length > 12) out.push({ path: `${at}.contents`, message: "carousel with more than 12 bubbles" });
    if (m?.quickReply?.items?.length > 13) out.push({ path: `${at}.quickReply`, message: "more than 13 quick-reply items" });
    const visit = (node: any, p: string) => {
      if (!node || typeof node !== "object") return;
      if (node.type === "postback" && typeof node.data === "string" && node.data.length > 300) out.push({ path: p, message: "postback data longer than 300 characters" });
      if ((node.type === "postback" || node.type === "message" || node.type === "uri") && typeof node.label === "string" && [...node.label].length > 20 && p.includes("quickReply")) out.push({ path: p, message: "quick-reply label longer than 20 characters" });
      for (const [k, v] of Object.entries(node)) visit(v, `${p}.${k}`);
    };
    visit(m, at);
  });
  return out;
}
