/** X's limits for brand replies. */
export const PUBLIC_REPLY_LIMIT = 280;
/** DMs are counted in characters (code points), not weighted. */
export const DM_LIMIT = 10_000;
export const MAX_SIGNATURE_LETTERS = 4;
