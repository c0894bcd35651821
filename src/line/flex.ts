import type { messagingApi } from "@line/bot-sdk";
import { truncate } from "./limits.js";
import { postbackAction } from "./messages.js";

/** Flex building blocks shared by every card the bot sends: large, readable label/value rows and buttons. */
type FlexComponent = messagingApi.FlexComponent;

export const COLORS = { label: "#6B6B6B", text: "#222222", accent: "#1E7F4F", warn: "#D65F30" } as const;

/** 次回  12月3日(火) 13:30 — a label on the left, the value wrapping on the right. */
export function labelValue(label: string, value: string, o: { bold?: boolean; max?: number } = {}): FlexComponent {
  return {
    type: "box",
    layout: "baseline",
    spacing: "md",
    contents: [
      { type: "text", text: label, size: "sm", color: COLORS.label, flex: 2 },
      { type: "text", text: truncate(value || "―", o.max ?? 200), size: "md", wrap: true, flex: 5, weight: o.bold ? "bold" : "regular", color: COLORS.text },
    ],
  };
}

/** 問い合わせ   12件 — a count aligned to the right. */
export function labelCount(label: string, value: string): FlexComponent {
  return {
    type: "box",
    layout: "baseline",
    contents: [
      { type: "text", text: label, size: "sm", color: COLORS.label, flex: 4, wrap: true },
      { type: "text", text: value, size: "md", weight: "bold", flex: 3, align: "end" },
    ],
  };
}

export function postbackButton(
  label: string,
  action: string,
  params: Record<string, string | number | boolean | undefined>,
  o: { primary?: boolean; displayText?: string; height?: "sm" | "md" } = {},
): FlexComponent {
  return {
    type: "button",
    style: o.primary ? "primary" : "secondary",
    height: o.height ?? "sm",
    ...(o.primary ? { color: COLORS.accent } : {}),
    action: postbackAction(label, action, params, o.displayText),
  };
}

/** A bubble: its contents stacked, and its buttons (if any) in the footer. */
export function card(contents: FlexComponent[], buttons: FlexComponent[] = [], size?: messagingApi.FlexBubble["size"]): messagingApi.FlexBubble {
  return {
    type: "bubble",
    ...(size ? { size } : {}),
    body: { type: "box", layout: "vertical", spacing: "sm", contents },
    ...(buttons.length ? { footer: { type: "box", layout: "vertical", spacing: "sm", contents: buttons } } : {}),
  };
}
