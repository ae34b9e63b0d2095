import { checkComposer } from './composer-check';

describe('checkComposer', () => {
  it('counts as X does, signature included, and warns about a phone number in public', () => {
    const c = checkComposer({ text: 'Call +1 415 555 0134 😀', initials: 'ab', channel: 'public' });
    expect(c.signature).toBe('^AB');
    expect(c.finalText).toBe('Call +1 415 555 0134 😀 ^AB');
    expect(c.length).toBe('Call +1 415 555 0134 '.length + 2 + ' ^AB'.length); // an emoji weighs 2
    expect(c.errors.map((e) => e.code)).toEqual(['PII_IN_PUBLIC_REPLY']);
    expect(c.blocking).toBe(false);
  });

  it('blocks a reply over the limit and does not sign DMs', () => {
    expect(checkComposer({ text: 'x'.repeat(280), initials: 'AB', channel: 'public' }).blocking).toBe(true);
    const dm = checkComposer({ text: 'Call +1 415 555 0134', initials: 'AB', channel: 'dm' });
    expect(dm.signature).toBeNull();
    expect(dm.errors).toEqual([]);
  });

  it('warns about a banned phrase before sending, in public and in DMs, without blocking', () => {
    const c = checkComposer({
      text: 'Please calm down, we are on it',
      initials: 'AB',
      channel: 'dm',
      bannedPhrases: ['Calm down'],
    });
    expect(c.errors.map((e) => e.code)).toEqual(['GUIDELINE_VIOLATION']);
    expect(c.blocking).toBe(false);
    expect(
      checkComposer({ text: 'We are on it', initials: 'AB', channel: 'public', bannedPhrases: ['calm down'] })
        .errors,
    ).toEqual([]);
  });
});
