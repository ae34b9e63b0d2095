import { onlineLanguages } from './queue-board-page';

describe('onlineLanguages', () => {
  it('counts online agents per queue and language they read, and ignores away and offline agents', () => {
    const byQueue = onlineLanguages([
      { status: 'ONLINE', queueIds: ['care', 'sales'], languages: ['en', 'es'] },
      { status: 'ONLINE', queueIds: ['care'], languages: ['en'] },
      { status: 'AWAY', queueIds: ['care'], languages: ['ko'] },
      { status: 'OFFLINE', queueIds: ['sales'], languages: ['fr'] },
    ]);
    expect(Object.fromEntries(byQueue.get('care') ?? [])).toEqual({ en: 2, es: 1 });
    expect(Object.fromEntries(byQueue.get('sales') ?? [])).toEqual({ en: 1, es: 1 });
    expect(byQueue.has('vip')).toBe(false);
  });
});
