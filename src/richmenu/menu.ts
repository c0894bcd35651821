import type { messagingApi } from "@line/bot-sdk";
import { Canvas } from "../reports/png.js";
import { drawTextCentered } from "./raster.js";

/** The default rich menu: six large buttons, 2 rows × 3, on a 2500×1686 image. */
export const WIDTH = 2500;
export const HEIGHT = 1686;

export interface MenuButton {
  lines: string[];
  label: string;
  action: messagingApi.Action;
  color: [number, number, number];
}

export const BUTTONS: MenuButton[] = [
  { lines: ["サロン・", "集いの場"], label: "サロン・集いの場", action: { type: "message", label: "サロン・集いの場", text: "サロンをさがしたい" }, color: [30, 127, 79] },
  { lines: ["生活の", "サービス"], label: "生活のサービス", action: { type: "message", label: "生活のサービス", text: "生活のサービスを知りたい" }, color: [38, 110, 160] },
  // LINE opens its location picker for this address; the bot answers the location with the nearest places.
  { lines: ["近くを", "さがす"], label: "近くをさがす", action: { type: "uri", label: "近くをさがす", uri: "https://line.me/R/nv/location/" }, color: [214, 95, 48] },
  { lines: ["相談窓口"], label: "相談窓口", action: { type: "message", label: "相談窓口", text: "相談窓口を教えて" }, color: [120, 84, 160] },
  { lines: ["ボラン", "ティア"], label: "ボランティア", action: { type: "message", label: "ボランティア", text: "ボランティアをしたい" }, color: [200, 140, 20] },
  { lines: ["使い方"], label: "使い方", action: { type: "message", label: "使い方", text: "使い方" }, color: [90, 90, 90] },
];

function cell(i: number) {
  const w = Math.floor(WIDTH / 3);
  const h = Math.floor(HEIGHT / 2);
  const col = i % 3;
  const row = Math.floor(i / 3);
  return { x: col * w, y: row * h, width: col === 2 ? WIDTH - 2 * w : w, height: row === 1 ? HEIGHT - h : h };
}

export function richMenuRequest(): messagingApi.RichMenuRequest {
  return {
    size: { width: WIDTH, height: HEIGHT },
    selected: true,
    name: "ささえあいLINE メニュー",
    chatBarText: "メニュー",
    areas: BUTTONS.map((b, i) => ({ bounds: cell(i), action: b.action })),
  };
}

/** The menu image, drawn from the button definitions (same input, same bytes). */
export function richMenuImage(): Buffer {
  const c = new Canvas(WIDTH, HEIGHT, [250, 248, 242]);
  BUTTONS.forEach((b, i) => {
    const { x, y, width, height } = cell(i);
    const pad = 24;
    c.rect(x + pad, y + pad, width - 2 * pad, height - 2 * pad, b.color);
    const size = 150;
    const lineGap = 185;
    const top = y + height / 2 - ((b.lines.length - 1) * lineGap) / 2 + size * 0.35;
    b.lines.forEach((line, k) => drawTextCentered(c, line, x + width / 2, top + k * lineGap, size, [255, 255, 255]));
  });
  return c.png();
}
