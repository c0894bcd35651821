import fs from "node:fs";
import { createRequire } from "node:module";
import type { Font, PathCommand } from "opentype.js";
import { Canvas } from "../reports/png.js";

/**
 * Japanese text into pixels with no native dependency: glyph outlines from
 * the Noto Sans JP font shipped in @fontsource/noto-sans-jp (parsed by
 * opentype.js), flattened to polygons and filled with 4× vertical
 * supersampling. Deterministic: the same input gives the same PNG.
 */
const require = createRequire(import.meta.url);
let font: Font | undefined;

export function japaneseFontFile(weight: 400 | 700 = 700): string {
  return require.resolve(`@fontsource/noto-sans-jp/files/noto-sans-jp-japanese-${weight}-normal.woff`);
}

function loadFont(): Font {
  if (!font) {
    // Loaded here, not at start-up: only the rich menu image draws text (≈0.1 s to load).
    const opentype = require("opentype.js") as typeof import("opentype.js");
    const buf = fs.readFileSync(japaneseFontFile(700));
    font = opentype.parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  }
  return font;
}

type Point = [number, number];

function flatten(commands: PathCommand[]): Point[][] {
  const polys: Point[][] = [];
  let cur: Point[] = [];
  let last: Point = [0, 0];
  const steps = 8;
  for (const c of commands) {
    if (c.type === "M") {
      if (cur.length) polys.push(cur);
      cur = [[c.x, c.y]];
      last = [c.x, c.y];
    } else if (c.type === "L") {
      cur.push([c.x, c.y]);
      last = [c.x, c.y];
    } else if (c.type === "Q") {
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const a = (1 - t) ** 2, b = 2 * (1 - t) * t, d = t * t;
        cur.push([a * last[0] + b * c.x1 + d * c.x, a * last[1] + b * c.y1 + d * c.y]);
      }
      last = [c.x, c.y];
    } else if (c.type === "C") {
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const a = (1 - t) ** 3, b = 3 * (1 - t) ** 2 * t, d = 3 * (1 - t) * t * t, e = t ** 3;
        cur.push([a * last[0] + b * c.x1 + d * c.x2 + e * c.x, a * last[1] + b * c.y1 + d * c.y2 + e * c.y]);
      }
      last = [c.x, c.y];
    } else if (c.type === "Z") {
      if (cur.length) polys.push(cur);
      cur = [];
    }
  }
  if (cur.length) polys.push(cur);
  return polys;
}

/** Fills polygons with the nonzero rule, anti-aliased, blending `rgb` over the canvas. */
export function fillPolygons(canvas: Canvas, polys: Point[][], rgb: [number, number, number]): void {
  const SUB = 4;
  let minY = Infinity, maxY = -Infinity;
  for (const p of polys) for (const [, y] of p) ((minY = Math.min(minY, y)), (maxY = Math.max(maxY, y)));
  const y0 = Math.max(0, Math.floor(minY));
  const y1 = Math.min(canvas.height - 1, Math.ceil(maxY));
  const edges: [number, number, number, number, number][] = [];
  for (const p of polys) {
    for (let i = 0; i < p.length; i++) {
      const [ax, ay] = p[i];
      const [bx, by] = p[(i + 1) % p.length];
      if (ay !== by) edges.push([ax, ay, bx, by, ay < by ? 1 : -1]);
    }
  }
  const coverage = new Float32Array(canvas.width);
  for (let y = y0; y <= y1; y++) {
    coverage.fill(0);
    let touched = false;
    for (let s = 0; s < SUB; s++) {
      const sy = y + (s + 0.5) / SUB;
      const xs: [number, number][] = [];
      for (const [ax, ay, bx, by, dir] of edges) {
        if ((sy >= ay && sy < by) || (sy >= by && sy < ay)) xs.push([ax + ((sy - ay) / (by - ay)) * (bx - ax), dir]);
      }
      if (!xs.length) continue;
      xs.sort((a, b) => a[0] - b[0]);
      let wind = 0;
      for (let i = 0; i < xs.length - 1; i++) {
        wind += xs[i][1];
        if (wind === 0) continue;
        const from = Math.max(0, xs[i][0]);
        const to = Math.min(canvas.width, xs[i + 1][0]);
        for (let x = Math.floor(from); x < Math.ceil(to); x++) {
          const cover = Math.min(to, x + 1) - Math.max(from, x);
          if (cover > 0) coverage[x] += cover / SUB;
        }
        touched = true;
      }
    }
    if (!touched) continue;
    for (let x = 0; x < canvas.width; x++) {
      const a = Math.min(1, coverage[x]);
      if (a <= 0) continue;
      const i = (y * canvas.width + x) * 3;
      for (let k = 0; k < 3; k++) canvas.pixels[i + k] = Math.round(canvas.pixels[i + k] * (1 - a) + rgb[k] * a);
    }
  }
}

/** Draws text with its baseline at y, centred on cx. */
export function drawTextCentered(canvas: Canvas, text: string, cx: number, y: number, size: number, rgb: [number, number, number]): void {
  const f = loadFont();
  const w = f.getAdvanceWidth(text, size);
  fillPolygons(canvas, flatten(f.getPath(text, cx - w / 2, y, size).commands), rgb);
}
