import { z } from 'zod';

/**
 * Text fields refuse markup and control characters at the door: stored text is escaped on output
 * anyway, but a name with "<script>" is an input error the clerk should see, not a value to keep.
 */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !/[<>\u0000-\u001f\u007f]/.test(v), { params: { code: 'forbidden-characters' } });

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date();
