import type {
  TTweetv2Expansion,
  TTweetv2MediaField,
  TTweetv2TweetField,
  TTweetv2UserField,
} from 'twitter-api-v2';

/** What ingest asks X for on every media object: the thumbnail, the link and what the agent needs to show it. */
export const MEDIA_FIELDS: TTweetv2MediaField[] = [
  'type',
  'url',
  'preview_image_url',
  'width',
  'height',
  'alt_text',
  'duration_ms',
  'variants',
];

/** What ingest asks X for on every tweet read (one place, so every source normalises alike). */
export const TWEET_QUERY: {
  expansions: TTweetv2Expansion[];
  'tweet.fields': TTweetv2TweetField[];
  'user.fields': TTweetv2UserField[];
  'media.fields': TTweetv2MediaField[];
} = {
  // `referenced_tweets.id.author_id`: the quoted post's author (includes.tweets + its user), which
  // decides whether the brand may reply in public (X's reply policy: it must mention or quote the brand).
  expansions: [
    'author_id',
    'referenced_tweets.id',
    'referenced_tweets.id.author_id',
    'in_reply_to_user_id',
    'entities.mentions.username',
    'attachments.media_keys',
  ],
  'tweet.fields': [
    'created_at',
    'conversation_id',
    'in_reply_to_user_id',
    'referenced_tweets',
    'entities',
    'lang',
    'author_id',
    'attachments',
  ],
  'user.fields': ['name', 'username', 'verified', 'public_metrics', 'protected'],
  'media.fields': MEDIA_FIELDS,
};
