export const INTENTS = [
  "greeting",
  "help",
  "thanks",
  "cancel",
  "find_place",
  "find_service",
  "request_help",
  "find_consultation",
  "set_area",
  "volunteer_register",
  "volunteer_availability",
  "volunteer_profile",
  "volunteer_withdraw",
  "meeting_list",
  "meeting_create",
  "meeting_rsvp",
  "broadcast",
  "needs_report",
  "delete_my_data",
  "emergency",
  "despair",
  "unknown",
] as const;

export type IntentName = (typeof INTENTS)[number];
export type TimeOfDay = "morning" | "afternoon" | "evening";

export interface Slots {
  area?: string;
  category?: string;
  weekdays?: number[];
  timeOfDay?: TimeOfDay;
  /** YYYY-MM-DD in the app time zone. */
  date?: string;
  /** For 今週 / 来週: the last day of the range, YYYY-MM-DD. */
  dateTo?: string;
  nearby?: boolean;
  /** Only activities that cost nothing (無料, お金のかからない). */
  free?: boolean;
  attending?: boolean;
  /** The text says where someone lives: the writer ("self") or a relative or friend ("other"). */
  residence?: "self" | "other";
  /** A follow-up about the last answer: more of it, its phone numbers, its places. */
  followUp?: "more" | "phone" | "place" | "when" | "fee";
}

export interface RouteResult {
  text: string;
  normalized: string;
  /** The text's folded kana reading (for comparing with button labels typed in kana). */
  reading: string;
  intent: IntentName;
  confidence: number;
  slots: Slots;
  /** When no intent is confident: the likeliest meanings to offer as "もしかして" buttons, best first. */
  candidates?: { intent: IntentName; confidence: number; label: string }[];
  /** The intent was the learned fallback's choice, not the rules': a conversation's context may know better. */
  learned?: boolean;
}
