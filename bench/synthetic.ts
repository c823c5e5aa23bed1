/**
 * Search requests for the load bench, typed the way a case worker types them, from persons made by
 * the shared synthetic-person generator (server/src/modules/persons/synthetic.ts).
 */
import { normalizeForSearch } from '../server/src/modules/persons/rules/names';
import type { GeneratedPerson } from '../server/src/modules/persons/synthetic';
import type { Rng } from '../server/src/platform/rng';

/** The first token of a name, normalised as the search column stores it. */
function firstToken(name: string): string {
  return normalizeForSearch(name).split(' ')[0] ?? '';
}

function prefix(rng: Rng, token: string, min: number, max: number): string {
  if (token.length <= min) return token;
  return token.slice(0, rng.int(min, Math.min(max, token.length)));
}

export interface QueryMix {
  paths: string[];
  description: string;
}

/**
 * Search requests as a case worker types them: mostly 3–6 letter prefixes of family names, some
 * given-name + family-name prefixes, some fragments typed in the original script and some full names.
 */
export function searchPaths(rng: Rng, sample: readonly GeneratedPerson[], count: number, limit = 20): QueryMix {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const { facts, script } = rng.pick(sample);
    const family = firstToken(facts.familyName);
    const given = firstToken(facts.givenNames);
    const kind = rng.weighted<'family-prefix' | 'given-family' | 'original-script' | 'full-name'>([
      ['family-prefix', 65],
      ['given-family', 15],
      ['original-script', 10],
      ['full-name', 10],
    ]);
    let q: string;
    if (kind === 'family-prefix') q = prefix(rng, family, 3, 6);
    else if (kind === 'given-family') q = `${prefix(rng, given, 3, 5)} ${prefix(rng, family, 3, 5)}`;
    else if (kind === 'original-script') {
      // The first letters as typed in the original script (the Arabic article counts as typed).
      const chars = [...facts.familyName];
      const n = script === 'geez' ? 2 : script === 'arabic' ? (facts.familyName.startsWith('ال') ? 5 : 3) : 3;
      q = script === 'latin' ? facts.familyName : chars.slice(0, n).join('');
    } else q = `${facts.givenNames} ${facts.familyName}`;
    paths.push(`/api/v1/persons?q=${encodeURIComponent(q)}&limit=${limit}`);
  }
  return {
    paths,
    description:
      '65% family-name prefixes (3–6 letters), 15% given + family prefixes, 10% fragments in the original script, 10% full names; limit 20',
  };
}
