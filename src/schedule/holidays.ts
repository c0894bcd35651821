import holidayJp from "@holiday-jp/holiday_jp";
import { isoDate, type PlainDate } from "./time.js";

/** Japanese public holidays from the maintained @holiday-jp data set (1970–2050). */
const HOLIDAYS: Record<string, { name: string }> = (holidayJp as unknown as { holidays: Record<string, { name: string }> }).holidays;

export function isHoliday(d: PlainDate): boolean {
  return isoDate(d) in HOLIDAYS;
}
