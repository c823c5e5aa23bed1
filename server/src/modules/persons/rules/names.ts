/**
 * Naam — personal names. We store a name in the script the person writes it in
 * (oorspronkelijk schrift) next to a Latin transliteration (transliteratie), and search and
 * duplicate detection (dubbeldetectie) must work whichever script either side was typed in.
 */
import anyAscii from 'any-ascii';

/** Schrift — the scripts we tell apart; anything else is 'other'. */
export type Script =
  | 'latin'
  | 'arabic'
  | 'cyrillic'
  | 'ethiopic'
  | 'greek'
  | 'armenian'
  | 'georgian'
  | 'han'
  | 'other';

/**
 * Latin transliteration of a name in any script, for display next to the original and as
 * the basis of search. Case is kept because it is shown to people.
 */
export function transliterate(name: string): string {
  // NFC first so decomposed input (e + combining acute) transliterates like precomposed.
  return anyAscii(name.normalize('NFC')).replace(/\s+/g, ' ').trim();
}

/**
 * Zoeksleutel — the form stored in the search column and applied to every query, so the
 * two always meet: ASCII lower case, only letters, digits and single spaces. Idempotent.
 */
export function normalizeForSearch(text: string): string {
  return (
    transliterate(text)
      .toLowerCase()
      // Apostrophes join rather than split: O'Brien is one name, and any-ascii renders the
      // Arabic hamza and ʿayn as ' and ` which carry no letter in Latin spellings.
      .replace(/['`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  );
}

/** Marks a skeleton term, so it never meets a spelled term in a prefix search ('#' sorts before letters). */
export const SKELETON_MARK = '#';

/**
 * Zoektermen — the terms a person is found by: every normalised name token and, marked with
 * SKELETON_MARK, its consonant skeleton, so that a spelling variant ('Mohamed' for 'Mohammed',
 * an Arabic original for its Latin spelling) finds the person when the spelled terms do not.
 */
export function searchTerms(text: string): string[] {
  const tokens = normalizeForSearch(text).split(' ').filter(Boolean);
  return [...new Set(tokens.flatMap((token) => [token, skeletonTerm(token)]))];
}

/** The skeleton search term of one normalised token. */
export function skeletonTerm(token: string): string {
  return SKELETON_MARK + skeleton(token);
}

const SCRIPT_TESTS: ReadonlyArray<readonly [Exclude<Script, 'other'>, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['ethiopic', /\p{Script=Ethiopic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['georgian', /\p{Script=Georgian}/u],
  ['han', /\p{Script=Han}/u],
];

/**
 * Dominant script of a text, counted over its letters so digits, punctuation and a stray
 * Latin initial do not decide it. Ties go to the script listed first.
 */
export function detectScript(text: string): Script {
  const counts = new Map<Script, number>();
  for (const char of text) {
    if (!/[\p{L}\p{M}]/u.test(char)) continue;
    const script = SCRIPT_TESTS.find(([, re]) => re.test(char))?.[0] ?? 'other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best: Script = 'other';
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Scores at or above this are offered to a case worker as a possible duplicate. Chosen from
 * the pairs in names.test.ts: low enough that script, vowel and token-order variants of one
 * name pass, high enough that relatives sharing a surname ('Anna Petrova' / 'Ivan Petrov')
 * do not.
 */
export const PROBABLE_SAME_NAME_THRESHOLD = 0.85;

/**
 * Weight of a token that has no counterpart on the other side (a middle name or second
 * surname present in one record only). Below 1 so missing names cost little; above 0 so a
 * lone 'Mohammed' does not fully match 'Mohammed Ahmad'.
 */
const UNMATCHED_TOKEN_WEIGHT = 0.2;

/**
 * Share of the weakest paired token in the score. Relatives share a surname, so a perfect
 * surname must not carry a merely similar given name ('Omar Haddad' / 'Amir Haddad').
 */
const WEAKEST_PAIR_WEIGHT = 0.75;

/** A token formed by joining two must match almost exactly to count at all. */
const JOINED_TOKEN_MIN_SIMILARITY = 0.95;

/** Longer names are truncated; the assignment search is exponential in token count. */
const MAX_TOKENS = 10;

/**
 * Similarity in [0, 1] of two full names written in any script.
 *
 * Approach, and why:
 * 1. Both names are transliterated and normalised (normalizeForSearch), so the comparison
 *    happens in one alphabet.
 * 2. Each token gets a consonant skeleton: spelling variants folded (ph→f, kh→h, dj/zh→j,
 *    ou/oe→u, y→i, w→v, q→k, x→ks …), doubled letters collapsed, then vowels dropped after
 *    the first letter. Transliterations of one name mostly disagree on vowels and doubling
 *    (Mohammed / Muhammad / Mohamed) and Arabic script writes no short vowels at all.
 *    Collapsing before dropping vowels keeps 'Leila' as 'll' rather than 'l'.
 * 3. Tokens that came from an abjad (Arabic, Hebrew, Syriac, Thaana) are also compared
 *    without any vowels, including the first letter and the matres lectionis w/y, because
 *    there an initial vowel is simply not written ('mr' for Omar).
 * 4. Token similarity is the best Jaro-Winkler over those forms; Jaro-Winkler because it
 *    rewards the shared beginning that name variants keep and tolerates transpositions.
 * 5. Tokens are paired by the best one-to-one assignment, which makes the score
 *    independent of token order (given name first or family name first). The score blends
 *    the mean and the weakest pair (WEAKEST_PAIR_WEIGHT) and is scaled down for unpaired
 *    tokens, each counting UNMATCHED_TOKEN_WEIGHT of a paired one.
 * 6. Each side is also tried with two adjacent tokens joined, for 'Abdul Rahman' vs
 *    'Abdulrahman' or 'El Amrani' vs 'Elamrani'; the best variant wins.
 *
 * Known limits: skeletons make some distinct names collide (Hassan / Hussein, Mohammed /
 * Mahmoud share 'hsn' and 'mhmd'); a high score is a prompt for a human, never an automatic
 * merge, and duplicate detection should weigh birth date and INSZ as well.
 */
export function nameSimilarity(a: string, b: string): number {
  let left = tokenize(a);
  let right = tokenize(b);
  if (left.length === 0 || right.length === 0) return 0;
  // A canonical order makes the result exactly symmetric, floating-point summation included.
  if (tokensKey(left) > tokensKey(right)) [left, right] = [right, left];

  let best = 0;
  for (const l of withOneJoin(left)) {
    for (const r of withOneJoin(right)) {
      best = Math.max(best, assignmentScore(l, r));
      if (best === 1) return 1;
    }
  }
  return best;
}

/** Dubbel? — whether two names are similar enough to suggest a possible duplicate. */
export function isProbableSameName(a: string, b: string): boolean {
  return nameSimilarity(a, b) >= PROBABLE_SAME_NAME_THRESHOLD;
}

interface NameToken {
  text: string;
  skeleton: string;
  /** Only set for tokens written in an abjad: vowel-less forms to compare on. */
  bare: readonly string[] | null;
  /** Made by joining two written tokens; see JOINED_TOKEN_MIN_SIMILARITY. */
  joined: boolean;
}

const ABJAD = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

function tokenize(name: string): NameToken[] {
  const tokens: NameToken[] = [];
  // Script is decided per written word, so a mixed 'Mohammed أحمد' is handled word by word.
  for (const word of name.normalize('NFC').split(/\s+/)) {
    const abjad = ABJAD.test(word);
    for (const text of normalizeForSearch(word).split(' ')) {
      if (text) tokens.push(makeToken(text, abjad));
    }
  }
  return tokens.slice(0, MAX_TOKENS);
}

function makeToken(text: string, abjad: boolean, joined = false): NameToken {
  return {
    text,
    skeleton: skeleton(text),
    bare: abjad ? abjadForms(text) : null,
    joined,
  };
}

function abjadForms(text: string): string[] {
  const bare = bareConsonants(text);
  // any-ascii writes the article al- as a bare 'l' glued to the name (العمراني → l`mrny);
  // Latin spellings write it apart (El Amrani) or leave it out (Zahra for الزهراء).
  return bare.length > 3 && bare.startsWith('l') ? [bare, bare.slice(1)] : [bare];
}

// Ordered: longer patterns must be folded before the shorter ones they contain.
const VARIANT_FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/tsch/g, 'ch'],
  [/sch/g, 'sh'],
  [/tch/g, 'ch'],
  [/dzh|dj|zh/g, 'j'],
  [/ph/g, 'f'],
  [/kh/g, 'h'],
  [/gh/g, 'g'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/ck/g, 'k'],
  [/c(?=[aou])/g, 'k'],
  [/q/g, 'k'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/ou|oo|oe/g, 'u'],
  [/y/g, 'i'],
  // Final h after a vowel is silent in Latin spellings (Fatimah / Fatima, Allah / Alla).
  [/([aeiou])h$/g, '$1'],
];

function foldVariants(token: string, fromAbjad = false): string {
  let folded = token;
  // any-ascii writes ز + ه as 'zh'; in Arabic-script names it is never the sound of ж.
  if (fromAbjad) folded = folded.replace(/zh/g, 'z\u0000h');
  for (const [pattern, replacement] of VARIANT_FOLDS) folded = folded.replace(pattern, replacement);
  return folded.replace(/\u0000/g, '').replace(/(.)\1+/g, '$1');
}

function skeleton(token: string): string {
  const folded = foldVariants(token);
  return folded.charAt(0) + folded.slice(1).replace(/[aeiou]/g, '');
}

function bareConsonants(token: string): string {
  // In transliterated Arabic, w and y mostly stand for the long vowels u and i, and a
  // final h for ta marbuta, which Latin spellings render as a vowel or not at all.
  const folded = foldVariants(token.replace(/[wy]/g, 'a'), true).replace(/h$/, '');
  return folded.replace(/[aeiou]/g, '') || folded;
}

function tokenSimilarity(x: NameToken, y: NameToken): number {
  const joined = x.joined || y.joined;
  // A joined token always shares its start with its own first part, so the Winkler prefix
  // bonus would let 'mohammedali' pass for 'mohammed'; joined pairs use plain Jaro.
  const prefixScale = joined ? 0 : WINKLER_PREFIX_SCALE;
  let score = Math.max(jaroWinkler(x.text, y.text, prefixScale), jaroWinkler(x.skeleton, y.skeleton, prefixScale));
  if (x.bare !== null || y.bare !== null) {
    for (const bx of x.bare ?? [bareConsonants(x.text)]) {
      for (const by of y.bare ?? [bareConsonants(y.text)]) score = Math.max(score, jaroWinkler(bx, by, prefixScale));
    }
  }
  if (joined && score < JOINED_TOKEN_MIN_SIMILARITY) return 0;
  return score;
}

function withOneJoin(tokens: NameToken[]): NameToken[][] {
  const variants = [tokens];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const first = tokens[i]!;
    const second = tokens[i + 1]!;
    const abjad = first.bare !== null || second.bare !== null;
    const joined = makeToken(first.text + second.text, abjad, true);
    variants.push([...tokens.slice(0, i), joined, ...tokens.slice(i + 2)]);
  }
  return variants;
}

/**
 * Best one-to-one pairing (maximum total similarity) by dynamic programming over subsets of
 * the longer side, then scored by coverage, mean and weakest pair.
 */
function assignmentScore(a: NameToken[], b: NameToken[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const sim = short.map((s) => long.map((l) => tokenSimilarity(s, l)));
  const memo = new Map<number, { total: number; choice: number }>();
  const solve = (i: number, used: number): number => {
    if (i === short.length) return 0;
    const key = i * (1 << long.length) + used;
    const cached = memo.get(key);
    if (cached !== undefined) return cached.total;
    let total = -1;
    let choice = -1;
    for (let j = 0; j < long.length; j++) {
      if (used & (1 << j)) continue;
      const candidate = sim[i]![j]! + solve(i + 1, used | (1 << j));
      if (candidate > total) {
        total = candidate;
        choice = j;
      }
    }
    memo.set(key, { total, choice });
    return total;
  };

  const total = solve(0, 0);
  let weakest = 1;
  let used = 0;
  for (let i = 0; i < short.length; i++) {
    const j = memo.get(i * (1 << long.length) + used)!.choice;
    weakest = Math.min(weakest, sim[i]![j]!);
    used |= 1 << j;
  }
  // A join only explains a split name when the joined token is actually paired; otherwise
  // it would just hide an unmatched token from the coverage penalty.
  const wasted = (tokens: NameToken[], isPaired: (k: number) => boolean) =>
    tokens.some((t, k) => t.joined && !isPaired(k));
  if (wasted(long, (k) => (used & (1 << k)) !== 0)) return 0;
  if (weakest === 0 && short.some((t) => t.joined)) return 0;
  const mean = total / short.length;
  const coverage = short.length / (short.length + UNMATCHED_TOKEN_WEIGHT * (long.length - short.length));
  return Math.min(1, coverage * ((1 - WEAKEST_PAIR_WEIGHT) * mean + WEAKEST_PAIR_WEIGHT * weakest));
}

function tokensKey(tokens: NameToken[]): string {
  return tokens.map((t) => `${t.text}${t.bare === null ? '' : '*'}${t.joined ? '+' : ''}`).join(' ');
}

const WINKLER_PREFIX_SCALE = 0.1;

/**
 * Jaro-Winkler with the given prefix scale over at most 4 characters. The match window is
 * at least 1 (standard Jaro allows 0 for strings of up to 3 characters), so that short
 * skeletons such as 'mr' and 'omr' can still align one position apart.
 */
function jaroWinkler(s1: string, s2: string, prefixScale: number): number {
  if (s1 === s2) return 1;
  if (s1.length === 0 || s2.length === 0) return 0;
  const window = Math.max(1, Math.floor(Math.max(s1.length, s2.length) / 2) - 1);
  const matched1 = new Array<boolean>(s1.length).fill(false);
  const matched2 = new Array<boolean>(s2.length).fill(false);
  let matches = 0;
  for (let i = 0; i < s1.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(s2.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (!matched2[j] && s1[i] === s2[j]) {
        matched1[i] = true;
        matched2[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < s1.length; i++) {
    if (!matched1[i]) continue;
    while (!matched2[k]) k++;
    if (s1[i] !== s2[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / s1.length + m / s2.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < s1.length && prefix < s2.length && s1[prefix] === s2[prefix]) prefix++;
  return jaro + prefix * prefixScale * (1 - jaro);
}
