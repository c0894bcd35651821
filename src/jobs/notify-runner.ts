import type { Db } from "../data/client.js";
import { claimNoticeRequest, markListingsFlagged, newlyActiveMatch, openNoticeRequests, scsOfArea, unflaggedStaleListings } from "../data/notices.js";
import { noticeFoundMessages, scOrganizerTexts } from "../features/organizers/messages.js";
import { inQuietHours } from "../features/broadcasts/quiet.js";
import { publicResource } from "../features/search/service.js";
import type { LineGateway } from "../line/client.js";
import type { Logger } from "../log.js";
import { formatOccurrence } from "../schedule/occurrences.js";
import { STALE_DAYS } from "../schedule/notices.js";
import { zonedParts } from "../schedule/time.js";
import { displayPhone } from "../util/phone.js";

export interface NoticeRunDeps {
  db: Db;
  line: LineGateway;
  logger: Logger;
  timeZone: string;
  shouldStop?: () => boolean;
}

/**
 * "見つかったら知らせてほしい": when an activity of the asked category becomes
 * active in the asked area after the request (new, imported or resumed), the
 * resident gets one message with the listing, once (the request is claimed
 * before sending), outside quiet hours, unless they opted out or left; then
 * the request is closed.
 */
export async function runNotifyRequests(d: NoticeRunDeps, now: () => Date): Promise<number> {
  const t = now();
  if (inQuietHours(t, d.timeZone)) return 0;
  const open = await openNoticeRequests(d.db, t);
  let sent = 0;
  for (const r of open) {
    if (d.shouldStop?.()) break;
    const match = await newlyActiveMatch(d.db, r);
    if (!match) continue;
    if (!(await claimNoticeRequest(d.db, r.id, match.id, t))) continue;
    if (!r.user.following || r.user.announcementsOptOut) continue;
    const detail = await publicResource(d.db, match.id, t, d.timeZone, 1);
    const when = detail?.next[0] ? formatOccurrence(detail.next[0]) : match.scheduleText || "お問い合わせください";
    await d.line.push(r.user.lineUserId, noticeFoundMessages(match.category.label, match.area?.name ?? "", match.name, when, [match.venue, match.address].filter(Boolean).join("　"), match.phone ? displayPhone(match.phone) : ""));
    sent++;
  }
  if (sent) d.logger.info("found-it notices sent", { count: sent });
  return sent;
}

/**
 * Listings not confirmed for three months: each area's SCs get one message
 * listing them (once per listing until it is confirmed again).
 */
export async function flagStaleListings(d: NoticeRunDeps, now: Date): Promise<number> {
  if (inQuietHours(now, d.timeZone)) return 0;
  const cutoff = new Date(now.getTime() - STALE_DAYS * 86_400_000);
  const stale = await unflaggedStaleListings(d.db, cutoff);
  if (stale.length === 0) return 0;
  const byArea = new Map<number | null, typeof stale>();
  for (const r of stale) byArea.set(r.areaId, [...(byArea.get(r.areaId) ?? []), r]);
  for (const [areaId, items] of byArea) {
    const scs = await scsOfArea(d.db, areaId);
    const list = items.map((r) => {
      const v = zonedParts(r.lastVerifiedAt ?? r.createdAt, d.timeZone);
      return { name: r.name, since: `最終確認 ${v.y}年${v.m}月` };
    });
    for (const sc of scs) await d.line.push(sc.lineUserId, scOrganizerTexts.stale(list));
    await markListingsFlagged(d.db, items.map((r) => r.id), now);
  }
  return stale.length;
}
