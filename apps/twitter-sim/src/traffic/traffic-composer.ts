import { SeededRandom } from '@roost/x-sim';
import type { BrandRefKind, BrandReply, Intent, TrafficEvent, TrafficTemplates } from './traffic.types';

interface Customer {
  handle: string;
  /** Template language key ('hi-Latn' included). */
  lang: string;
}

/** X tags text with its own guess; romanised Hindi is left to the sim's guesser, like X's own shaky call. */
function xLang(templateLang: string): string | undefined {
  return templateLang === 'hi-Latn' ? undefined : templateLang;
}

/**
 * Builds realistic Acme traffic from templates, deterministically from a seed: the same seed
 * gives the same customers, texts and order of events.
 */
export class TrafficComposer {
  private readonly rnd: SeededRandom;
  private readonly customers = new Map<number, Customer>();
  /** Media draws come from their own PRNG: the texts and order of a seed stay what they were. */
  private readonly mediaRnd: SeededRandom;

  constructor(
    private readonly templates: TrafficTemplates,
    private readonly seed: number,
    private readonly poolSize = 600,
  ) {
    this.rnd = new SeededRandom(seed);
    this.mediaRnd = new SeededRandom(seed * 31 + 7);
  }

  next(brandReplies: readonly BrandReply[]): TrafficEvent {
    const roll = this.rnd.next();
    if (roll < 0.08 && brandReplies.length > 0) {
      return this.threadReply(this.rnd.pick(brandReplies));
    }
    if (roll < 0.15) {
      return this.dm();
    }

    return this.tweet();
  }

  /** The customer behind a handle, if the composer made it (for thread replies in the right language). */
  customer(handle: string): Customer | undefined {
    return [...this.customers.values()].find((c) => c.handle === handle);
  }

  private tweet(): TrafficEvent {
    const customer = this.pickCustomer();
    const lang = this.templates.languages[customer.lang];
    const intent = this.weighted(this.templates.intentWeights) as Intent;
    const brandRef = this.weighted(this.templates.brandRefWeights) as BrandRefKind;
    const text = this.fill(this.rnd.pick(lang[intent]), {
      customer,
      brandRef,
      pii: this.rnd.chance(this.templates.piiChance),
    });

    return {
      kind: 'tweet',
      authorHandle: customer.handle,
      text,
      lang: xLang(customer.lang),
      intent,
      brandRef,
      ...this.media(intent),
    };
  }

  private threadReply(reply: BrandReply): TrafficEvent {
    const customer = this.customer(reply.customerHandle) ?? { handle: reply.customerHandle, lang: 'en' };
    const text = this.rnd.pick(this.templates.languages[customer.lang].threadReplies);

    return {
      kind: 'thread-reply',
      authorHandle: customer.handle,
      text,
      lang: xLang(customer.lang),
      inReplyToTweetId: reply.tweetId,
    };
  }

  private dm(): TrafficEvent {
    const customer = this.pickCustomer();
    const text = this.fill(this.rnd.pick(this.templates.languages[customer.lang].dms), {
      customer,
      brandRef: 'care',
      pii: true,
    });

    const photo = this.mediaRnd.chance(0.15);

    return {
      kind: 'dm',
      fromHandle: customer.handle,
      toHandle: 'acmecares',
      text,
      ...(photo ? { media: [{ type: 'photo' as const, altText: 'Photo of the receipt' }] } : {}),
    };
  }

  /** About one complaint in four and one question in ten carry a photo (now and then a video) of the problem. */
  private media(intent: Intent): { media?: Array<{ type: 'photo' | 'video'; altText?: string }> } {
    const chance = intent === 'complaint' ? 0.25 : intent === 'question' ? 0.1 : 0;
    if (!this.mediaRnd.chance(chance)) return {};
    if (this.mediaRnd.chance(0.1)) return { media: [{ type: 'video' }] };

    return { media: [{ type: 'photo', altText: 'Photo of the damaged product' }] };
  }

  private pickCustomer(): Customer {
    const index = this.rnd.int(0, this.poolSize - 1);
    let c = this.customers.get(index);
    if (!c) {
      // Each customer's traits come from its own PRNG, so they do not depend on arrival order.
      const own = new SeededRandom(this.seed * 7919 + index);
      const stem = own.pick(this.templates.handleStems);
      c = {
        handle: `${stem}${index}`.slice(0, 15),
        lang: this.weightedWith(own, this.templates.langWeights),
      };
      this.customers.set(index, c);
    }

    return c;
  }

  private fill(template: string, ctx: { customer: Customer; brandRef: BrandRefKind; pii: boolean }): string {
    const lang = this.templates.languages[ctx.customer.lang];
    const out = template
      .replace(/\{brand\}/g, () => this.rnd.pick(this.templates.brandRefs[ctx.brandRef]))
      .replace(/\{product\}/g, () => this.rnd.pick(lang.products))
      .replace(/\{order\}/g, () => this.piiValue(ctx.customer.handle, 'order'))
      .replace(/\{phone\}/g, () => this.piiValue(ctx.customer.handle, 'phone'))
      .replace(/\{email\}/g, () => this.piiValue(ctx.customer.handle, 'email'))
      .replace(/\{pii\}/g, () => (ctx.pii ? this.piiValue(ctx.customer.handle) : ''));

    return out.replace(/[ \t]{2,}/g, ' ').trim();
  }

  private piiValue(handle: string, fixed?: 'phone' | 'email' | 'order'): string {
    const kind = fixed ?? this.rnd.pick(['phone', 'email', 'order', 'order'] as const);
    const digits = (n: number) => Array.from({ length: n }, () => this.rnd.int(0, 9)).join('');

    return this.rnd
      .pick(this.templates.pii[kind])
      .replace('{handle}', handle)
      .replace(/\{d(\d)\}/g, (_m, n: string) => digits(Number(n)));
  }

  private weighted(weights: Record<string, number>): string {
    return this.weightedWith(this.rnd, weights);
  }

  private weightedWith(rnd: SeededRandom, weights: Record<string, number>): string {
    const entries = Object.entries(weights);
    let r = rnd.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) {
        return key;
      }
    }

    return entries[entries.length - 1][0];
  }
}
