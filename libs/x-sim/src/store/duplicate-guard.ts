interface RecentPost {
  authorId: string;
  text: string;
  at: number;
}

/**
 * What each author posted recently, as sent (before X adds the reply @prefix or wraps links):
 * X refuses the same text from the same account within a window with 403 duplicate content.
 */
export class DuplicateGuard {
  private readonly recent: RecentPost[] = [];

  constructor(
    private readonly windowMs: number,
    private readonly clock: () => number,
  ) {}

  isDuplicate(authorId: string, text: string): boolean {
    const now = this.clock();
    while (this.recent.length && this.recent[0].at < now - this.windowMs) {
      this.recent.shift();
    }

    return this.recent.some((r) => r.authorId === authorId && r.text === text);
  }

  remember(authorId: string, text: string): void {
    this.recent.push({ authorId, text, at: this.clock() });
  }

  reset(): void {
    this.recent.length = 0;
  }
}
