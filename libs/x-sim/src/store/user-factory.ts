import type { SimUser } from '../x-sim.types';
import { SeededRandom } from './seeded-random';

const FIRST = [
  'Maria',
  'James',
  'Aisha',
  'Chen',
  'Lukas',
  'Sofia',
  'Ravi',
  'Yuki',
  'Min-jun',
  'Fatima',
  'Lucas',
  'Emma',
  'Diego',
  'Priya',
  'Omar',
  'Chloé',
  'João',
  'Hannah',
  'Wei',
  'Arjun',
  'Olivia',
  'Mateo',
  'Sara',
  'Kenji',
  'Leila',
];
const LAST = [
  'Garcia',
  'Smith',
  'Khan',
  'Wang',
  'Müller',
  'Rossi',
  'Patel',
  'Tanaka',
  'Kim',
  'Haddad',
  'Silva',
  'Johnson',
  'López',
  'Sharma',
  'Nasser',
  'Martin',
  'Costa',
  'Schmidt',
  'Li',
  'Singh',
  'Brown',
  'Fernández',
  'Ali',
  'Sato',
  'Dubois',
];
const LOCATIONS: Record<string, string[]> = {
  en: ['London', 'Austin, TX', 'Toronto', 'Sydney', 'Dublin', ''],
  es: ['Madrid', 'Ciudad de México', 'Buenos Aires', 'Bogotá'],
  de: ['Berlin', 'München', 'Wien', 'Zürich'],
  fr: ['Paris', 'Lyon', 'Montréal', 'Bruxelles'],
  pt: ['São Paulo', 'Lisboa', 'Rio de Janeiro'],
  ja: ['東京', '大阪'],
  ko: ['서울', 'Busan'],
  zh: ['上海', '台北', 'Singapore'],
  hi: ['Mumbai', 'Delhi', 'Bengaluru'],
  ar: ['دبي', 'Cairo', 'Riyadh'],
};
const BIOS = [
  'coffee first',
  'dad of two',
  'runner 🏃',
  'tech enthusiast',
  'opinions are my own',
  'gamer',
  'student',
  'travel + food',
  '',
];

/** Builds a plausible X profile that depends only on the handle, so reruns give the same people. */
export function buildCustomer(params: {
  id: string;
  username: string;
  langHint?: string;
  now: number;
}): SimUser {
  const rnd = new SeededRandom(params.username.toLowerCase());
  const lang =
    params.langHint ?? rnd.pick(['en', 'en', 'en', 'es', 'de', 'fr', 'pt', 'ja', 'ko', 'zh', 'hi', 'ar']);
  // Follower counts are heavy-tailed on X: most accounts have a few hundred, a few have a lot.
  const followers = Math.floor(Math.exp(rnd.next() * rnd.next() * 14));
  const ageDays = rnd.int(30, 5000);

  return {
    id: params.id,
    username: params.username,
    name: `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`,
    verified: followers > 50_000 || rnd.chance(0.03),
    protected: rnd.chance(0.02),
    createdAt: new Date(params.now - ageDays * 86_400_000).toISOString(),
    followersCount: followers,
    followingCount: rnd.int(10, 2000),
    tweetCount: rnd.int(5, 40_000),
    description: rnd.pick(BIOS),
    location: rnd.pick(LOCATIONS[lang] ?? LOCATIONS.en),
    langHint: lang,
    apiTier: 'pro',
    isBrand: false,
  };
}

export function buildBrand(params: { id: string; username: string; name: string }): SimUser {
  return {
    id: params.id,
    username: params.username,
    name: params.name,
    verified: true,
    protected: false,
    createdAt: '2012-03-01T09:00:00.000Z',
    followersCount: 250_000,
    followingCount: 120,
    tweetCount: 48_000,
    description: `Official ${params.name} account`,
    location: 'Everywhere',
    langHint: 'en',
    apiTier: 'pro',
    isBrand: true,
  };
}
