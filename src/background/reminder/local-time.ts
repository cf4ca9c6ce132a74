/**
 * The person's wall clock: the local date, weekday and minute of an instant in a time zone. Pure;
 * the zone is passed in, and the worker reads it anew at every check, so a person who flies (or
 * whose laptop changes zone) gets the reminder by the day and hour where they are now.
 */

export interface LocalTime {
  /** "YYYY-MM-DD", the local calendar date. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      ...(timeZone ? { timeZone } : {}),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  return format;
}

/** The zone the system is in right now (undefined lets Intl use its own default). */
export function currentTimeZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
}

export function localTime(at: number | Date, timeZone?: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatFor(timeZone).formatToParts(at)) parts[p.type] = p.value;
  const hour = Number(parts['hour']) % 24;
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    weekday: WEEKDAYS.indexOf(parts['weekday'] ?? ''),
    minutes: hour * 60 + Number(parts['minute']),
  };
}

const QUARTER = 15 * 60_000;
/** Two days of quarter hours: every zone's offset is a multiple of 15 minutes. */
const SEARCH_STEPS = 2 * 24 * 4 + 4;

/**
 * The next instant after `now` at which the local clock reads `minutes` (a day-light saving jump
 * may skip it once; then the search finds the day after). Undefined only if no quarter hour in two
 * days matches, which no real zone does.
 */
export function nextLocal(now: number, minutes: number, timeZone?: string): number | undefined {
  let t = Math.floor(now / QUARTER) * QUARTER + QUARTER;
  for (let i = 0; i < SEARCH_STEPS; i++, t += QUARTER) {
    if (localTime(t, timeZone).minutes === minutes) return t;
  }
  return undefined;
}

/** The instant local midnight begins `days` days after the local date of `now`. */
export function startOfLocalDay(now: number, days: number, timeZone?: string): number {
  const target = addDays(localTime(now, timeZone).date, days);
  // Local midnight is within a day of the same UTC date; step by quarter hours to find it.
  let t = Date.parse(`${target}T00:00:00Z`) - 15 * 60 * 60_000;
  for (let i = 0; i < 30 * 4 * 2; i++, t += QUARTER) {
    if (localTime(t, timeZone).date === target) return t;
  }
  return Date.parse(`${target}T00:00:00Z`);
}

function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T12:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
