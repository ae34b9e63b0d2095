import { PiiType } from '../classify.types';
import { ibanValid, luhnValid } from './checksums';
import { findPii, looksLikePhone } from './find-pii';

const types = (text: string, brandHandles?: string[]): PiiType[] =>
  findPii(text, { brandHandles }).map((m) => m.type);
const spans = (text: string): string[] => findPii(text).map((m) => text.slice(m.start, m.end));

describe('luhnValid / ibanValid', () => {
  it('accepts Luhn-valid card numbers and rejects a one-digit change', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('5500000000000004')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
  it('checks IBAN mod 97', () => {
    expect(ibanValid('ES9121000418450200051332')).toBe(true);
    expect(ibanValid('ES9121000418450200051333')).toBe(false);
  });
});

describe('findPii: cards', () => {
  it('finds a Luhn-valid card in groups of four, with exact offsets', () => {
    const text = 'charged my card 4111 1111 1111 1111 without permission';
    expect(findPii(text)).toEqual([{ type: 'card', start: 16, end: 35 }]);
  });
  it('ignores a Luhn-invalid 16-digit number', () => {
    expect(types('card 4111 1111 1111 1112 please')).toEqual([]);
  });
  it('ignores a Luhn-valid number with no card issuer prefix (an order number)', () => {
    expect(types('my order 1234 5678 9012 3456 is late')).toEqual(['order_number']);
  });
  it('does not read a phone number that happens to pass Luhn as a card', () => {
    expect(types('me liguem no +55 21 99876-5432')).toEqual(['phone']);
  });
});

describe('findPii: phones', () => {
  it.each([
    ['US', 'call me on (415) 555-0199 today', '(415) 555-0199'],
    ['international', 'ring +1 212 555 0147 please', '+1 212 555 0147'],
    ['Brazil', 'meu número é (11) 98765-4321', '(11) 98765-4321'],
    ['France', 'appelez-moi au 06 12 34 56 78', '06 12 34 56 78'],
    ['Germany', 'unter 0151 23456789 erreichbar', '0151 23456789'],
    ['Spain', 'llámenme al 612 34 56 78', '612 34 56 78'],
    ['Japan', '電話番号は090-1234-5678です', '090-1234-5678'],
    ['Korea', '010-2345-6789로 연락 주세요', '010-2345-6789'],
    ['China, glued to Han text', '我的手机13812345678请回电', '13812345678'],
    ['India', 'mujhe 9812345678 pe call karo', '9812345678'],
    ['India, grouped', 'number 98765 43210 pe', '98765 43210'],
    ['Saudi', 'تواصلوا معي على 0501234567', '0501234567'],
  ])('%s', (_country, text, expected) => {
    expect(
      findPii(text)
        .filter((m) => m.type === 'phone')
        .map((m) => text.slice(m.start, m.end)),
    ).toEqual([expected]);
  });

  it.each([
    ['ISO date', 'flight on 2024-05-12'],
    ['European date', 'Zug am 15.03.2024 um 14:30 ausgefallen'],
    ['slash date', 'foi dia 12/03/2024'],
    ['short number', 'flight 221 delayed 4 hours'],
    ['price', 'it cost 1,299.00 dollars'],
    ['tracking-like run', 'tracking 123456789012345678'],
  ])('does not flag a %s as a phone', (_what, text) => {
    expect(types(text)).not.toContain('phone');
  });

  it('looksLikePhone rejects unseparated ids that are not mobile-shaped', () => {
    expect(looksLikePhone('4512378')).toBe(false);
    expect(looksLikePhone('55512345678')).toBe(false);
    expect(looksLikePhone('0151 23456789')).toBe(true);
  });
});

describe('findPii: order and account numbers', () => {
  it.each([
    ['order #A7719320 arrived broken', 'A7719320'],
    ['el pedido 402-8837261-1190023 sigue sin aparecer', '402-8837261-1190023'],
    ['Bestellnummer 10293847561, Lieferung fehlt', '10293847561'],
    ['注文番号 R20240512 の返金', 'R20240512'],
    ['订单号 JD88213344 一直显示配送中', 'JD88213344'],
    ['رقم الطلب NAE12345678 لم يصل', 'NAE12345678'],
    ['order id 8823491 ka khana', '8823491'],
    ['confirmation code XK7PQ2, flight on 2024-05-12', 'XK7PQ2'],
  ])('finds the id in "%s"', (text, id) => {
    expect(findPii(text).map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([['order_number', id]]);
  });

  it('does not take a small count after "order" for an order number', () => {
    expect(types('I want to order 2 more')).toEqual([]);
  });

  it('finds account numbers by keyword and IBAN by checksum', () => {
    expect(spans('meine Kundennummer ist 448812930, bitte prüfen')).toEqual(['448812930']);
    expect(types('my account number 00123456789 got locked')).toEqual(['account_number']);
    expect(types('IBAN ES91 2100 0418 4502 0005 1332 bitte')).toEqual(['account_number']);
  });
});

describe('findPii: emails and handles', () => {
  it('finds an email but not @handles', () => {
    const text = '@acmecares my email is john.doe@example.com, cc @support_team';
    expect(spans(text)).toEqual(['john.doe@example.com']);
  });
  it('never reports the brand handle, even glued to a word', () => {
    expect(types('thanks@acmecares for the help')).toEqual([]);
    expect(types('@acmecares @acmecares hello')).toEqual([]);
  });
  it("does not treat the brand's own support address as the customer's data", () => {
    expect(types('I wrote to help@acmecares.com already', ['@acmecares'])).toEqual([]);
    expect(types('I wrote to help@acmecares.com already')).toEqual(['email']);
  });
  it('ignores digits inside URLs', () => {
    expect(types('see https://x.com/acme/status/1790000000000000001 and 4111111111111111')).toEqual(['card']);
  });
});

describe('findPii: addresses', () => {
  it.each([
    'please send it to 221B Baker Street, London NW1 6XE',
    'mon adresse est 12 rue de la Paix, 75002 Paris',
    'enviadlo a Calle Mayor 24, 28013 Madrid',
    'bitte zur Hauptstraße 15, 10115 Berlin',
    '住所は東京都渋谷区神南1-2-3です',
    '地址是北京市朝阳区建国路88号',
    '주소는 테헤란로 123 입니다',
  ])('finds the address in "%s"', (text) => {
    expect(types(text)).toEqual(['address']);
  });
  it('does not read "by way of the app" (عن طريق التطبيق) as an address', () => {
    expect(types('هل يمكن فتح حساب عن طريق التطبيق؟')).toEqual([]);
  });
});
