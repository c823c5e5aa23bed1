import { nameSimilarity, PROBABLE_SAME_NAME_THRESHOLD } from './names';

/** The facts that identify a person, for comparing a new record with the registry. */
export interface IdentityFacts {
  insz: string | null;
  birthDate: string | null;
  givenNames: string;
  familyName: string;
  givenNamesLatin: string;
  familyNameLatin: string;
}

export type DuplicateReason = 'same-insz' | 'same-birth-date-similar-name';

export interface DuplicateCandidate {
  id: string;
  score: number;
  reasons: DuplicateReason[];
}

/** Best similarity of two persons' full names over their original and Latin spellings. */
export function fullNameSimilarity(a: IdentityFacts, b: IdentityFacts): number {
  const spellings = (p: IdentityFacts) => [`${p.givenNames} ${p.familyName}`, `${p.givenNamesLatin} ${p.familyNameLatin}`];
  let best = 0;
  for (const x of spellings(a)) for (const y of spellings(b)) best = Math.max(best, nameSimilarity(x, y));
  return best;
}

/**
 * Possible duplicates (mogelijke dubbels) of a new or changed person, best first: the same INSZ is
 * certain; the same birth date with a probably-same name in any script is likely.
 */
export function rankDuplicateCandidates(probe: IdentityFacts, known: readonly (IdentityFacts & { id: string })[]): DuplicateCandidate[] {
  const candidates: DuplicateCandidate[] = [];
  for (const other of known) {
    const reasons: DuplicateReason[] = [];
    let score = 0;
    if (probe.insz && other.insz === probe.insz) {
      reasons.push('same-insz');
      score = 1;
    }
    if (probe.birthDate && other.birthDate === probe.birthDate) {
      const similarity = fullNameSimilarity(probe, other);
      if (similarity >= PROBABLE_SAME_NAME_THRESHOLD) {
        reasons.push('same-birth-date-similar-name');
        score = Math.max(score, similarity);
      }
    }
    if (reasons.length) candidates.push({ id: other.id, score: Math.round(score * 100) / 100, reasons });
  }
  return candidates.sort((a, b) => b.score - a.score);
}
