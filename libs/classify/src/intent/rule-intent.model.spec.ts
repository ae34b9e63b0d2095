import { LexiconSentimentModel } from '../sentiment/lexicon-sentiment.model';
import { RuleIntentModel } from './rule-intent.model';

const sentiment = new LexiconSentimentModel();
const intents = new RuleIntentModel();
const intentOf = (text: string, lang: string): string =>
  intents.classify({ text, lang, sentiment: sentiment.score(text, lang) }).intent;

describe('RuleIntentModel', () => {
  it.each([
    ['complaint', 'en', '@acmecares my order arrived broken and nobody answers'],
    ['complaint', 'es', '@movistar el router no funciona desde ayer'],
    ['complaint', 'de', '@telekom_hilft seit drei Tagen kein Internet'],
    ['complaint', 'ja', '@amazon_jp 注文した商品がまだ届きません'],
    ['complaint', 'hi', '@Swiggy order abhi tak deliver nahi hua'],
    ['question', 'en', '@skyair what is the baggage allowance for economy?'],
    ['question', 'fr', '@orange comment activer la 5G sur mon forfait ?'],
    ['question', 'ja', '@amazon_jp 配達時間を指定することはできますか'],
    ['question', 'ar', '@emirates كيف يمكنني تغيير موعد رحلتي؟'],
    ['praise', 'en', '@acmecares thank you, the replacement works perfectly'],
    ['praise', 'ko', '@coupang 로켓배송 최고예요 👍'],
    ['purchase_intent', 'en', '@acmecares where can I buy the X200 charger?'],
    ['purchase_intent', 'pt', '@magalu quanto custa a geladeira? quero comprar'],
    ['purchase_intent', 'hi', '@Myntra yeh jacket kahan milega? mujhe kharidna hai'],
    ['purchase_intent', 'zh', '@Xiaomi 这个多少钱？我想买'],
    ['spam', 'en', 'FREE iPhone giveaway!!! Follow + RT + click https://t.co/fr33 to win'],
    ['spam', 'es', 'Gana dinero fácil con criptomonedas entra ya en https://t.co/abc sorteo gratis'],
    ['other', 'en', 'Saw the new @acmecares ad on TV tonight'],
  ])('%s (%s): %s', (expected, lang, text) => {
    expect(intentOf(text, lang)).toBe(expected);
  });

  it('does not call a customer with a complaint and a link spam', () => {
    expect(intentOf('@acmecares the app keeps crashing, screenshot https://t.co/abc', 'en')).toBe(
      'complaint',
    );
  });

  it('a negated insult is not a complaint', () => {
    expect(intentOf('@Careem الخدمة ليست سيئة', 'ar')).not.toBe('complaint');
  });

  it('reports a confidence between 0 and 1', () => {
    const text = '@acmecares where can I buy the X200?';
    const { confidence } = intents.classify({ text, lang: 'en', sentiment: sentiment.score(text, 'en') });
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThanOrEqual(1);
  });
});
