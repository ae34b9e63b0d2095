import { weightedLength } from '@roost/x-text';
import { DEFAULT_OOH_ACK_TEMPLATE } from '../common/auto-post-defaults';
import {
  formatBackAt,
  formatWait,
  overlongTemplates,
  pickTemplate,
  renderTemplate,
} from './auto-post-template';

describe('automatic post templates', () => {
  it('fills known variables and leaves unknown ones as written', () => {
    expect(
      renderTemplate('Hi {customer_name} {handle}, back {back_at} {oops}', {
        customer_name: 'Jane',
        handle: '@jane',
        back_at: 'soon',
      }),
    ).toBe('Hi Jane @jane, back soon {oops}');
  });

  it('picks the exact language, then the base language, then English, then the built-in default', () => {
    const t = { en: 'EN', es: 'ES', 'pt-BR': 'PTBR' };
    expect(pickTemplate(t, 'pt-BR')).toEqual({ language: 'pt-BR', template: 'PTBR' });
    expect(pickTemplate(t, 'es-MX')).toEqual({ language: 'es', template: 'ES' });
    expect(pickTemplate(t, 'ja')).toEqual({ language: 'en', template: 'EN' });
    expect(pickTemplate({}, 'ja')).toEqual({ language: 'en', template: DEFAULT_OOH_ACK_TEMPLATE });
  });

  it('formats the reopening time in the queue timezone and the template language', () => {
    const at = new Date('2026-11-24T08:00:00.000Z'); // a Tuesday; 09:00 in Madrid, 00:00 in Los Angeles
    const en = formatBackAt(at, { timezone: 'Europe/Madrid', language: 'en' }).replace(/\u202f/g, ' ');
    expect(en).toContain('Tue, Nov 24');
    expect(en).toContain('9:00 AM');
    const es = formatBackAt(at, { timezone: 'Europe/Madrid', language: 'es' });
    expect(es).toContain('mar, 24 nov');
    expect(es).toContain('9:00');
    expect(formatBackAt(at, { timezone: 'America/Los_Angeles', language: 'en' })).toContain('Tue');
    expect(formatBackAt(at, { timezone: 'America/Los_Angeles', language: 'en' })).toMatch(/00:00|12:00/);
  });

  it('falls back to UTC and English for an unknown timezone or language instead of throwing', () => {
    const at = new Date('2026-11-24T08:00:00.000Z');
    expect(formatBackAt(at, { timezone: 'Mars/Olympus', language: 'en' })).toContain('8:00');
    expect(formatBackAt(at, { timezone: 'UTC', language: '!!' })).toContain('Tue');
  });

  it('reads waits as a customer would', () => {
    expect(formatWait(60)).toBe('a few minutes');
    expect(formatWait(1500)).toBe('about 25 minutes');
    expect(formatWait(7200)).toBe('about 2 hours');
  });

  it('refuses templates that cannot fit 280 weighted characters, counting the @handle put in front', () => {
    expect(
      overlongTemplates({
        oohTemplates: { en: DEFAULT_OOH_ACK_TEMPLATE },
        waitTemplate: '',
        weigh: weightedLength,
      }),
    ).toEqual([]);
    const fits = 'x'.repeat(270);
    expect(
      overlongTemplates({
        oohTemplates: { en: fits, ja: 'お'.repeat(140) },
        waitTemplate: 'y'.repeat(281),
        weigh: weightedLength,
      }),
    ).toEqual(['outOfHoursAck.templates.en', 'outOfHoursAck.templates.ja', 'waitStatus.template']);
  });
});
