import { decideLanguage, detectLanguage } from './language-detector';

describe('detectLanguage', () => {
  it.each([
    ['en', '@acmecares my order was supposed to arrive Monday and it is still not here'],
    ['es', '@movistar llevo una semana sin línea y nadie me ayuda'],
    ['pt', '@vivo a internet não funciona desde ontem, péssimo serviço'],
    ['fr', "@sncf encore un train supprimé, c'est honteux"],
    ['de', '@DB_Bahn schon wieder 50 Minuten Verspätung, das ist nicht gut'],
    ['ja', '@docomo 注文した商品がまだ届きません'],
    ['ko', '@coupang 주문한 물건이 일주일째 안 와요'],
    ['zh', '@JD_Service 我的订单已经十天了还没发货'],
    ['hi', '@JioCare मेरा इंटरनेट तीन दिन से बंद है'],
    ['hi', '@JioCare yaar net bilkul nahi chal raha, bahut bekaar service hai'],
    ['hi', '@Paytm mera email rahul.sharma@gmail.com hai, receipt bhej do'],
    ['ar', '@STCcare الانترنت بطيء جدا منذ أسبوع'],
    ['ar', '@STCcare بريدي الإلكتروني ahmed.ali@outlook.com'],
    ['zh', '@Apple 哪里可以买到iPhone 15？想买一台'],
    ['ja', '@UNIQLO_JP 新しいジャケット最高です'],
  ])('%s: %s', (expected, text) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it("returns 'und' when there are no letters", () => {
    expect(detectLanguage('@acmecares 👍👍 https://t.co/x 123')).toBe('und');
  });

  it('tells Urdu and Persian from Arabic', () => {
    expect(detectLanguage('میرا آرڈر ابھی تک نہیں آیا ہے')).toBe('ur');
  });
});

describe('decideLanguage', () => {
  it("uses X's lang when it is a real language", () => {
    expect(decideLanguage('hola', 'es')).toEqual({ language: 'es', source: 'x' });
    expect(decideLanguage('x', 'in')).toEqual({ language: 'id', source: 'x' });
    expect(decideLanguage('x', 'zh-TW')).toEqual({ language: 'zh', source: 'x' });
  });
  it("falls back to the detector for 'und' and X's pseudo-languages", () => {
    expect(decideLanguage('Meine Bestellung ist immer noch nicht da', 'und')).toEqual({
      language: 'de',
      source: 'detector',
    });
    expect(decideLanguage('Meine Bestellung ist immer noch nicht da', 'qme')).toEqual({
      language: 'de',
      source: 'detector',
    });
    expect(decideLanguage('Meine Bestellung ist immer noch nicht da', undefined).source).toBe('detector');
  });
});
