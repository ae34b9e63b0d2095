import { ReplyTextError } from './reply-text-error';
import { validateReply } from './validate-reply';

const codes = (errors: ReplyTextError[]): string[] => errors.map((e) => e.code);

describe('validateReply', () => {
  it('accepts exactly 280 weighted characters and reports 0 remaining', () => {
    const r = validateReply({ text: 'a'.repeat(280), channel: 'public' });
    expect(r).toEqual({ ok: true, finalText: 'a'.repeat(280), weightedLength: 280, remaining: 0 });
  });

  it('rejects 281 with limit, length and overflow', () => {
    const r = validateReply({ text: 'a'.repeat(281), channel: 'public' });
    expect(r).toEqual({
      ok: false,
      errors: [{ code: 'REPLY_TOO_LONG', channel: 'public', limit: 280, length: 281, overflow: 1 }],
    });
  });

  it('counts CJK double: 140 kanji fit, 141 do not', () => {
    expect(validateReply({ text: '字'.repeat(140), channel: 'public' }).ok).toBe(true);
    const r = validateReply({ text: '字'.repeat(141), channel: 'public' });
    expect(r.ok === false && r.errors[0]).toMatchObject({ code: 'REPLY_TOO_LONG', length: 282, overflow: 2 });
  });

  it('counts the signature in the limit: 276 + " ^AB" fits, 277 overflows by one', () => {
    const fits = validateReply({ text: 'a'.repeat(276), signature: 'ab', channel: 'public' });
    expect(fits).toMatchObject({
      ok: true,
      finalText: `${'a'.repeat(276)} ^AB`,
      weightedLength: 280,
      remaining: 0,
    });
    const over = validateReply({ text: 'a'.repeat(277), signature: 'AB', channel: 'public' });
    expect(over.ok === false && over.errors[0]).toMatchObject({
      code: 'REPLY_TOO_LONG',
      length: 281,
      overflow: 1,
    });
  });

  it('normalises NFD input to NFC in finalText and in the count', () => {
    const r = validateReply({ text: 'Merci, re\u0301solu !', channel: 'public' });
    expect(r).toMatchObject({ ok: true, finalText: 'Merci, r\u00e9solu !', weightedLength: 15 });
  });

  it('trims and rejects empty text, even with a signature', () => {
    expect(validateReply({ text: '   \n', signature: 'AB', channel: 'public' })).toEqual({
      ok: false,
      errors: [{ code: 'REPLY_EMPTY' }],
    });
  });

  it('refuses personal data in public and suggests a DM', () => {
    const r = validateReply({
      text: 'We will call you on +1 415 555 0199 about card 4111 1111 1111 1111',
      channel: 'public',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      code: 'PII_IN_PUBLIC_REPLY',
      piiTypes: ['phone', 'card'],
      suggestion: 'dm',
    });
  });

  it('allows the same personal data in a DM', () => {
    expect(validateReply({ text: 'We will call you on +1 415 555 0199', channel: 'dm' }).ok).toBe(true);
  });

  it("allows the brand's handle and its own published contact details in public", () => {
    const r = validateReply({
      text: '@acmecares here: write to help@acmecares.com or call +1 800 555 0100',
      channel: 'public',
      brandHandles: ['acmecares'],
      allowedContacts: ['+1 (800) 555-0100'],
    });
    expect(r.ok).toBe(true);
  });

  it('allows 10,000 characters in a DM, counted as characters (CJK not doubled)', () => {
    expect(validateReply({ text: '字'.repeat(10_000), channel: 'dm' })).toMatchObject({
      ok: true,
      remaining: 0,
    });
    const r = validateReply({ text: 'a'.repeat(9_998), signature: 'AB', channel: 'dm' });
    expect(r.ok === false && r.errors[0]).toMatchObject({
      code: 'REPLY_TOO_LONG',
      channel: 'dm',
      limit: 10_000,
      overflow: 2,
    });
  });

  it('reports every problem at once', () => {
    const r = validateReply({
      text: `${'a'.repeat(280)} mail me at jane@example.com, calm down`,
      channel: 'public',
      bannedPhrases: ['calm down'],
    });
    expect(r.ok === false && codes(r.errors)).toEqual([
      'REPLY_TOO_LONG',
      'PII_IN_PUBLIC_REPLY',
      'GUIDELINE_VIOLATION',
    ]);
  });

  it('counts URLs as 23 towards the limit', () => {
    const text = `${'a'.repeat(256)} https://example.com/a/very/long/tracking/link/that/is/much/longer/than/23`;
    expect(validateReply({ text, channel: 'public' })).toMatchObject({ ok: true, weightedLength: 280 });
  });
});
