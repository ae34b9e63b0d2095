import { DomainError, ErrorCode } from '@roost/contracts';

/**
 * A tweet's status URL as X and its clients share it: x.com or twitter.com (www., mobile.),
 * `/<user>/status/<id>` or `/i/web/status/<id>`, with any query (`?s=20`) or fragment; or a bare id.
 */
const STATUS_URL =
  /^(?:https?:\/\/)?(?:www\.|mobile\.)?(?:x|twitter)\.com\/(?:[A-Za-z0-9_]{1,15}|i\/web|i)\/status(?:es)?\/([0-9]{1,20})(?:[/?#].*)?$/i;
const BARE_ID = /^[0-9]{1,20}$/;

/** The tweet id a pasted URL or id names; BAD_USER_INPUT (`MALFORMED_TWEET_REF`) for anything else. */
export function parseTweetRef(urlOrId: string): string {
  const input = urlOrId.trim();
  const id = BARE_ID.test(input) ? input : STATUS_URL.exec(input)?.[1];
  if (!id || /^0+$/.test(id)) {
    throw new DomainError(
      ErrorCode.BadUserInput,
      'not a tweet URL (https://x.com/<user>/status/<id>) or id',
      {
        reason: 'MALFORMED_TWEET_REF',
        field: 'urlOrId',
      },
    );
  }

  return id;
}
