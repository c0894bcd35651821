import path from "node:path";
import { describe, expect, it } from "vitest";
import { OpenApiDocument, SPEC_DIR } from "../../src/line/openapi.js";
import { BUTTONS, HEIGHT, richMenuImage, richMenuRequest, WIDTH } from "../../src/richmenu/menu.js";

describe("the default rich menu", () => {
  it("validates against LINE's OpenAPI document, with six buttons covering the image", () => {
    const spec = OpenApiDocument.load(path.join(SPEC_DIR, "messaging-api.yml"));
    const menu = richMenuRequest();
    expect(spec.validateRequest("POST", "/v2/bot/richmenu", menu)).toEqual([]);
    expect(menu.areas).toHaveLength(6);
    const area = menu.areas!.reduce((sum, a) => sum + a.bounds!.width! * a.bounds!.height!, 0);
    expect(area).toBe(WIDTH * HEIGHT);
    expect(menu.areas!.find((a) => a.action!.label === "近くをさがす")?.action).toMatchObject({ type: "uri", uri: "https://line.me/R/nv/location/" });
  });

  it("draws a 2500×1686 PNG the same way every time", () => {
    const a = richMenuImage();
    expect(a.readUInt32BE(16)).toBe(2500);
    expect(a.readUInt32BE(20)).toBe(1686);
    expect(richMenuImage().equals(a)).toBe(true);
    expect(BUTTONS.map((b) => b.label)).toEqual(["サロン・集いの場", "生活のサービス", "近くをさがす", "相談窓口", "ボランティア", "使い方"]);
  });
});
