/** Dates and numbers as Chinese back offices write them, in Beijing time whatever the browser's zone. */

const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** `2026-03-02 09:00` for an ISO instant; a bare date (`2026-03-02`) is returned as it is; '—' for none. */
export function dateTime(value: string | undefined | null): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const parts = Object.fromEntries(DATE_TIME.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
}

/**
 * The end of a limit for a person: a limit ends at the end of its last day D (民法典 第203条), which is stored as
 * the instant 00:00 of the next day, so it reads `D 24:00`, never the next day's `00:00`; a limit ending at
 * office closing reads `D 17:00`. A bare date is returned as it is; '—' for none. Beijing time.
 */
export function deadline(value: string | undefined | null): string {
  if (!value || /^\d{4}-\d{2}-\d{2}$/.test(value)) return value || '—';
  const at = Date.parse(value);
  if (Number.isNaN(at)) return value;
  const shown = dateTime(value);
  return shown.endsWith(' 00:00') ? `${dateTime(new Date(at - 1).toISOString()).slice(0, 10)} 24:00` : shown;
}

/** The last day (`YYYY-MM-DD`, Beijing) of a limit whose end is the instant `value` (24:00 is that day's, not the next). */
export function deadlineDay(value: string | undefined | null): string {
  return deadline(value).slice(0, 10);
}

/** The Beijing day (`YYYY-MM-DD`) of an instant. */
export function day(value: string | undefined | null): string {
  return dateTime(value).slice(0, 10);
}

/** A money amount in yuan with two decimals. */
export function yuan(amount: number): string {
  return `¥${amount.toFixed(2)}`;
}

/** A share (0..1) as a percentage with one decimal, or '—' when there is no base. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '—' : `${(share * 100).toFixed(1)}%`;
}

/** `10 工作日` / `20 自然日` for a limit with its unit (WD, CD or a word). */
export function limitText(limit: { value: number; unit: string } | undefined | null, t: (s: string) => string): string {
  if (!limit) return '—';
  return `${limit.value} ${t(`unit.${limit.unit}`)}`;
}

/** A due instant as a limit is written (see {@link deadline}): `2026-09-02 24:00` for the end of 09-02. */
export const dueText = deadline;
