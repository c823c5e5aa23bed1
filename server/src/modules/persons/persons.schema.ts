import { z } from 'zod';
import { isoDate, plainText } from '../../platform/schema';

/** Names in any script: letters, combining marks, spaces, apostrophes, hyphens and dots. */
export const personNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((v) => /^[\p{L}\p{M}][\p{L}\p{M}\p{Zs}'’ʼ.\-‐]*$/u.test(v), { params: { code: 'name-characters' } });


export const addressInput = z
  .object({
    street: plainText(200).min(1),
    houseNumber: z.string().trim().regex(/^[0-9]{1,5}[A-Za-z0-9 /.-]{0,10}$/),
    box: plainText(20).optional().nullable(),
    postalCode: z.string().trim().regex(/^[1-9][0-9]{3}$/),
    municipalityNis: z.string().regex(/^[0-9]{5}$/),
  })
  .strict();

const personFields = {
  givenNames: personNameSchema,
  familyName: personNameSchema,
  givenNamesLatin: personNameSchema.optional(),
  familyNameLatin: personNameSchema.optional(),
  insz: z.string().trim().max(20).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  sex: z.enum(['female', 'male', 'x']).nullable().optional(),
  motherTongue: z.string().trim().min(2).max(3).nullable().optional(),
  contactLanguages: z.array(z.string().trim().min(2).max(3)).max(10).optional(),
  nationality: z.string().trim().length(2).nullable().optional(),
  address: addressInput.nullable().optional(),
  phone: z.string().trim().regex(/^\+?[0-9 ()./-]{6,25}$/).nullable().optional(),
  email: z.email().max(320).nullable().optional(),
};

export const createPersonBody = z
  .object({
    ...personFields,
    acknowledgedDuplicateIds: z
      .array(z.uuid())
      .max(50)
      .optional()
      .describe('Candidates the user has checked and confirmed to be other persons.'),
  })
  .strict();
export type CreatePersonInput = z.infer<typeof createPersonBody>;

export const updatePersonBody = z.object(personFields).partial().strict();
export type UpdatePersonInput = z.infer<typeof updatePersonBody>;

export const addressSchema = z.object({
  street: z.string(),
  houseNumber: z.string(),
  box: z.string().nullable(),
  postalCode: z.string(),
  municipalityNis: z.string(),
  municipalityName: z.string().nullable(),
});

export const personSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    insz: z.string().nullable(),
    inszFormatted: z.string().nullable(),
    givenNames: z.string(),
    familyName: z.string(),
    givenNamesLatin: z.string(),
    familyNameLatin: z.string(),
    nameScript: z.string(),
    birthDate: z.string().nullable(),
    sex: z.enum(['female', 'male', 'x']).nullable(),
    motherTongue: z.string().nullable(),
    contactLanguages: z.array(z.string()),
    nationality: z.string().nullable(),
    address: addressSchema.nullable(),
    region: z.string().nullable(),
    responsibleAgency: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    mergedIntoId: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Person' });
export type PersonView = z.infer<typeof personSchema>;

export const personSummarySchema = z
  .object({
    id: z.uuid(),
    givenNames: z.string(),
    familyName: z.string(),
    givenNamesLatin: z.string(),
    familyNameLatin: z.string(),
    birthDate: z.string().nullable(),
    inszFormatted: z.string().nullable(),
    municipalityName: z.string().nullable(),
    region: z.string().nullable(),
  })
  .meta({ id: 'PersonSummary' });
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const searchPersonsQuery = z
  .object({
    q: z.string().trim().min(1).max(100),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const mergeBody = z.object({ intoId: z.uuid(), reason: plainText(500).min(3) }).strict();
export const unmergeBody = z.object({ reason: plainText(500).min(3) }).strict();
export const personIdParams = z.object({ id: z.uuid() }).strict();

export const accessLogQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.string().regex(/^\d{1,18}$/).optional() })
  .strict();
