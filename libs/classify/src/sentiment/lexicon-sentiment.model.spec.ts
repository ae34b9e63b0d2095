import { LexiconSentimentModel } from './lexicon-sentiment.model';

const model = new LexiconSentimentModel();
const score = (text: string, lang: string): number => model.score(text, lang).score;
const label = (text: string, lang: string): string => model.score(text, lang).label;

describe('LexiconSentimentModel', () => {
  it('rates plain positive and negative English', () => {
    expect(label('Great service, thank you so much', 'en')).toBe('positive');
    expect(label('Worst airline ever, my bag is lost', 'en')).toBe('negative');
    expect(label('My order number is on the receipt', 'en')).toBe('neutral');
  });

  describe('negation', () => {
    it('"not bad" is mildly positive, weaker than "good"', () => {
      expect(score('not bad', 'en')).toBeGreaterThan(0);
      expect(score('not bad', 'en')).toBeLessThan(score('good', 'en'));
    });
    it('"not good" is negative', () => {
      expect(label('the service is not good', 'en')).toBe('negative');
    });
    it('negation stops at the end of the clause', () => {
      expect(label("I can't believe it. Brilliant service", 'en')).toBe('positive');
    });
    it('Spanish "no funciona" is negative and "no está mal" is not', () => {
      expect(label('el móvil no funciona desde ayer', 'es')).toBe('negative');
      expect(score('no está mal el servicio', 'es')).toBeGreaterThan(0);
    });
    it('German "nicht gut" is negative, "nicht schlecht" positive', () => {
      expect(label('das Netz ist nicht gut', 'de')).toBe('negative');
      expect(score('nicht schlecht', 'de')).toBeGreaterThan(0);
    });
    it("French ne…pas around a word, and an elided n'", () => {
      expect(label('je ne suis pas satisfait', 'fr')).toBe('negative');
      expect(label("je n'ai pas reçu la facture", 'fr')).toBe('negative');
    });
    it('Hindi post-posed negation: "bilkul bekaar nahi" is not negative', () => {
      expect(label('service bekaar hai', 'hi')).toBe('negative');
      expect(score('service bilkul bekaar nahi hai', 'hi')).toBeGreaterThan(0);
      expect(label('network accha nahi hai', 'hi')).toBe('negative');
      expect(label('सेवा बुरी नहीं है', 'hi')).not.toBe('negative');
    });
    it('Japanese, Korean, Chinese and Arabic negation', () => {
      expect(label('電波は良くない', 'ja')).toBe('negative');
      expect(score('電波は悪くないです', 'ja')).toBeGreaterThan(0);
      expect(label('배달이 안 좋았어요', 'ko')).toBe('negative');
      expect(score('속도가 나쁘지 않네요', 'ko')).toBeGreaterThan(0);
      expect(label('信号不好', 'zh')).toBe('negative');
      expect(label('不错', 'zh')).toBe('positive');
      expect(score('الخدمة ليست سيئة', 'ar')).toBeGreaterThan(0);
      expect(label('الخدمة سيئة جدا', 'ar')).toBe('negative');
    });
  });

  describe('emoji', () => {
    it('scores emoji on their own, in any language, with or without VS16', () => {
      expect(label('@acmecares 😡', 'en')).toBe('negative');
      expect(label('@acmecares ❤️', 'en')).toBe('positive');
      expect(label('@acmecares ❤', 'ja')).toBe('positive');
      expect(label('😤😤', 'ko')).toBe('negative');
    });
    it('lets emoji tip an otherwise neutral sentence', () => {
      expect(score('my parcel came today 😍', 'en')).toBeGreaterThan(score('my parcel came today', 'en'));
    });
    it('reads ASCII emoticons', () => {
      expect(label('ok then :(', 'en')).toBe('negative');
    });
  });

  describe('Hinglish and code-mixing', () => {
    it('reads romanised Hindi words and phrases', () => {
      expect(label('yaar net bilkul nahi chal raha, bahut bekaar service hai', 'hi')).toBe('negative');
      expect(label('delivery bahut fast thi, mazaa aa gaya', 'hi')).toBe('positive');
      expect(label('mera order abhi tak nahi aaya', 'hi')).toBe('negative');
    });
    it('finds English words in a Hinglish tweet and Hindi words in one X labelled English', () => {
      expect(label('refund bhi nahi diya, worst experience', 'hi')).toBe('negative');
      expect(label('kapde ki quality ekdum mast hai', 'en')).toBe('positive');
    });
  });

  it('weighs the clause after "but" more', () => {
    expect(label('the staff were nice but the flight was a disaster', 'en')).toBe('negative');
    expect(label('el vuelo fue malo pero la tripulación excelente', 'es')).toBe('positive');
  });

  it('ignores the brand handle and URLs (a handle like @bestbuy is not "best")', () => {
    expect(label('@bestbuy @greatdeals https://t.co/good', 'en')).toBe('neutral');
  });

  it('keeps scores in -1..1', () => {
    const s = score('amazing amazing amazing wonderful perfect love love!!! 😍😍😍', 'en');
    expect(s).toBeLessThanOrEqual(1);
    expect(s).toBeGreaterThan(0.9);
  });
});
