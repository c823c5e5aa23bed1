import { AppError } from '../errors';

/** Dossiers carry an integer version; the HTTP ETag is that version as a strong tag. */
export const etagOf = (version: number) => `"${version}"`;

/** The version a client last saw, from If-Match; updates without it are refused (428). */
export function expectedVersion(ifMatch: string | undefined): number {
  if (!ifMatch) throw new AppError('precondition-required');
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(ifMatch.trim());
  if (!match) throw new AppError('precondition-required');
  return Number(match[1]);
}
