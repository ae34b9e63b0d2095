import { PUBLIC_REPLY_LIMIT } from '@roost/x-text';
import { DEFAULT_OOH_ACK_TEMPLATE, DEFAULT_WAIT_STATUS_TEMPLATE } from '../common/auto-post-defaults';

/** Fills `{name}` variables; an unknown one stays as written (a typo shows instead of vanishing). */
export function renderTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? vars[name]! : whole,
  );
}

export function usesVariable(template: string, name: string): boolean {
  return template.includes(`{${name}}`);
}

/**
 * The template for a conversation's language: exact (`pt-BR`), base (`pt`), `en`, built-in default.
 * Returns the language it was written in, so dates are formatted in the same language as the text.
 */
export function pickTemplate(
  templates: Readonly<Record<string, string>>,
  language: string | null,
): { language: string; template: string } {
  const wanted = (language ?? '').trim();
  const keys = Object.keys(templates);
  const find = (l: string) => keys.find((k) => k.toLowerCase() === l.toLowerCase());
  const exact = wanted ? find(wanted) : undefined;
  const base = wanted ? find(wanted.split(/[-_]/)[0]!) : undefined;
  const chosen = exact ?? base ?? find('en');
  if (chosen) return { language: chosen, template: templates[chosen]! };

  return { language: 'en', template: DEFAULT_OOH_ACK_TEMPLATE };
}

/** An IANA zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });

    return true;
  } catch {
    return false;
  }
}

function validTimeZone(tz: string): string {
  return isTimeZone(tz) ? tz : 'UTC';
}

function validLocale(language: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0 ? language : 'en';
  } catch {
    return 'en';
  }
}

/**
 * When the queue reopens, as a customer reads it: weekday, day, month and time in the queue's
 * timezone and the template's language, with the zone's short name ("Tue, Nov 24, 9:00 AM GMT+1", "mar, 24 nov, 9:00 CET").
 * Falls back to English / UTC when either is unknown to this runtime's ICU data.
 */
export function formatBackAt(at: Date, p: { timezone: string; language: string }): string {
  return new Intl.DateTimeFormat(validLocale(p.language), {
    timeZone: validTimeZone(p.timezone),
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/** "about 25 minutes", "about 2 hours", "a few minutes": a wait a customer reads at a glance. */
export function formatWait(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 5) return 'a few minutes';
  if (minutes < 90) return `about ${Math.round(minutes / 5) * 5} minutes`;
  const hours = Math.round(minutes / 30) / 2;

  return `about ${hours} hours`;
}

export function formatClock(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: validTimeZone(timezone),
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/**
 * Templates that could not fit X's 280 weighted characters (PUBLIC_REPLY_LIMIT) with typical values (a 20-letter name, a
 * 15-letter handle, a date in the template's language, a two-hour wait): refused when saved, so the
 * brand learns it then rather than from a silently skipped post.
 */
export function overlongTemplates(p: {
  oohTemplates: Readonly<Record<string, string>>;
  waitTemplate: string;
  weigh: (text: string) => number;
}): string[] {
  const sampleAt = new Date('2026-11-23T08:00:00.000Z');
  const out: string[] = [];
  for (const [language, template] of Object.entries(p.oohTemplates)) {
    const rendered = renderTemplate(template, {
      customer_name: 'Alexandra Johnson-Li',
      handle: '@abcdefghijklmno',
      back_at: formatBackAt(sampleAt, { timezone: 'America/Los_Angeles', language }),
    });
    // The customer's @handle goes in front when the template does not name it (see OutOfHoursAckService).
    const text = usesVariable(template, 'handle') ? rendered : `@abcdefghijklmno ${rendered}`;
    if (p.weigh(text.normalize('NFC').trim()) > PUBLIC_REPLY_LIMIT) {
      out.push(`outOfHoursAck.templates.${language}`);
    }
  }
  const wait = renderTemplate(p.waitTemplate.trim() || DEFAULT_WAIT_STATUS_TEMPLATE, {
    wait: formatWait(7200),
    wait_minutes: '120',
    time: formatClock(sampleAt, 'UTC'),
  });
  if (p.weigh(wait.normalize('NFC').trim()) > PUBLIC_REPLY_LIMIT) out.push('waitStatus.template');

  return out;
}
