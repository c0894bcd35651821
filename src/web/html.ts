/**
 * Server-rendered markup without a template engine: html`` escapes every
 * interpolated value unless it is markup made by html`` itself (or a list of
 * such). Written here because the pages are few and small; an engine would
 * add a dependency and a second syntax for the same escaping.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function h(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function render(v: unknown): string {
  if (Array.isArray(v)) return v.map(render).join("");
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof Html) return v.value;
  return h(v);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1];
  });
  return new Html(out);
}
