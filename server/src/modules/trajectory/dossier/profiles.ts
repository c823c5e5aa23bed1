/**
 * Klantprofielen (ENT-08): the four client profiles with their product lists are configuration
 * (server/config/client-profiles.json, or the file KRUISPUNT_CLIENT_PROFILES_FILE names). This
 * module validates that file and proposes a profile from the intake; it knows no profile by name.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { EDUCATION_LEVELS, LITERACY } from './commands';

const profileSchema = z
  .object({
    id: z.string().min(1).max(50),
    labels: z.object({ nl: z.string().min(1), en: z.string().min(1) }).catchall(z.string()),
    moProfile: z.enum(['higher-education', 'working', 'not-working', 'illiterate']),
    when: z
      .object({
        educationLevel: z.array(z.enum(EDUCATION_LEVELS)).optional(),
        literacy: z.array(z.enum(LITERACY)).optional(),
        working: z.boolean().optional(),
      })
      .strict(),
    products: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type ClientProfile = z.infer<typeof profileSchema>;

const fileSchema = z
  .object({ $comment: z.string().optional(), profiles: z.array(profileSchema).min(1) })
  .strict()
  .refine((f) => new Set(f.profiles.map((p) => p.id)).size === f.profiles.length, { message: 'profile ids must be unique' })
  .refine((f) => Object.keys(f.profiles.at(-1)!.when).length === 0, { message: 'the last profile is the fallback and has an empty "when"' });

const DEFAULT_FILE = join(dirname(fileURLToPath(import.meta.url)), '../../../../config/client-profiles.json');

/** Reads and validates a profiles file; a bad file stops the start with the reason. */
export function loadClientProfiles(file: string = process.env.KRUISPUNT_CLIENT_PROFILES_FILE ?? DEFAULT_FILE): readonly ClientProfile[] {
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`client profiles in ${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.profiles;
}

export interface ProfileFacts {
  educationLevel: (typeof EDUCATION_LEVELS)[number];
  literacy: (typeof LITERACY)[number];
  working: boolean;
}

/** The first profile whose conditions all hold (WF-02 step 6). */
export function proposeProfile(profiles: readonly ClientProfile[], facts: ProfileFacts): ClientProfile {
  const matches = (p: ClientProfile) =>
    (p.when.educationLevel === undefined || p.when.educationLevel.includes(facts.educationLevel)) &&
    (p.when.literacy === undefined || p.when.literacy.includes(facts.literacy)) &&
    (p.when.working === undefined || p.when.working === facts.working);
  return profiles.find(matches) ?? profiles.at(-1)!;
}

/**
 * Digitale vaardigheden (WF-02 step 4): four answers scored 0–2. 'sufficient' means online MO/NT2
 * is possible; 'basic' means blended with support; 'none' means a digi-session or a device loan
 * first. Thresholds are agency practice, not law (placeholder, docs/rules.md).
 */
export function digitalSkillsLevel(screening: { hasDevice: boolean; hasInternet: boolean; answers: Record<string, number> }) {
  const score = Object.values(screening.answers).reduce((sum, v) => sum + v, 0);
  const level: 'none' | 'basic' | 'sufficient' =
    score >= 6 && screening.hasDevice && screening.hasInternet ? 'sufficient' : score >= 3 ? 'basic' : 'none';
  return { score, level };
}
