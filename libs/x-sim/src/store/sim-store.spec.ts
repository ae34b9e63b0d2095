import { guessLang } from './lang-guesser';
import { SimStore } from './sim-store';
import { SnowflakeIdGenerator, compareIds } from './snowflake-id.generator';

describe('SnowflakeIdGenerator', () => {
  it('is strictly increasing even when the clock stands still or goes back', () => {
    let now = 1_700_000_000_000;
    const gen = new SnowflakeIdGenerator(() => now);
    const a = gen.next();
    const b = gen.next();
    now -= 5000;
    const c = gen.next();
    expect(compareIds(a, b)).toBeLessThan(0);
    expect(compareIds(b, c)).toBeLessThan(0);
    expect(SnowflakeIdGenerator.timeOf(a)).toBe(1_700_000_000_000);
  });
});

describe('guessLang', () => {
  it.each([
    ['where can I buy this, my order is late', 'en'],
    ['¿Dónde puedo comprar? Mi pedido no llega', 'es'],
    ['Meine Bestellung ist immer noch nicht da', 'de'],
    ['Où acheter? Ma commande est toujours pas là', 'fr'],
    ['Meu pedido ainda não chegou', 'pt'],
    ['注文がまだ届きません', 'ja'],
    ['주문이 아직 안 왔어요', 'ko'],
    ['我的订单还没到', 'zh'],
    ['मेरा ऑर्डर अभी तक नहीं आया', 'hi'],
    ['bhai mera order abhi tak nahi aaya', 'hi'],
    ['طلبي لم يصل بعد', 'ar'],
    ['@acme #acme', 'zxx'],
  ])('%s → %s', (text, lang) => expect(guessLang(text)).toBe(lang));
});

describe('SimStore', () => {
  it('threads replies, prefixes the replied-to handle once, and counts replies', () => {
    const store = new SimStore();
    store.seedBrands();
    const bob = store.ensureUser('bob');
    const care = store.userByUsername('acmecares')!;
    const q = store.createTweet({ authorId: bob.id, text: '@acmecares help', source: 'sim' });
    const r = store.createTweet({ authorId: care.id, text: 'on it', inReplyToTweetId: q.id, source: 'api' });
    const r2 = store.createTweet({
      authorId: bob.id,
      text: '@acmecares thanks',
      inReplyToTweetId: r.id,
      source: 'sim',
    });
    expect(r.text).toBe('@bob on it');
    expect(r2.text).toBe('@acmecares thanks');
    expect(r2.conversation_id).toBe(q.id);
    expect(q.public_metrics.reply_count).toBe(1);
    expect(store.repliesTo(q.id).map((t) => t.id)).toEqual([r.id]);
    expect(r.entities?.mentions?.[0]).toMatchObject({ username: 'bob', id: bob.id });
  });

  it('creates customers on first use with stable, realistic profiles', () => {
    const a = new SimStore().ensureUser('c115713');
    const b = new SimStore().ensureUser('c115713');
    expect(a.name).toBe(b.name);
    expect(a.followersCount).toBe(b.followersCount);
    expect(a.name).toMatch(/^\S+ \S+$/);
    expect(() => new SimStore().ensureUser('not a handle')).toThrow();
  });
});

describe('SimStore ids', () => {
  it('never gives a user and a tweet the same id', () => {
    const store = new SimStore(() => 1_700_000_000_000);
    const u = store.ensureUser('zed');
    const t = store.createTweet({ authorId: u.id, text: 'hi', source: 'sim' });
    const dm = store.createDm({ senderId: u.id, recipientId: store.ensureUser('amy').id, text: 'x' });
    expect(new Set([u.id, t.id, dm.id]).size).toBe(3);
  });
});
