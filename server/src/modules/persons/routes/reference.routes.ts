import { iso6393 } from 'iso-639-3';
import { z } from 'zod';
import type { AppDeps, ZodApp } from '../../../platform/http/app';
import { languageName } from '../rules/languages';
import { MUNICIPALITIES, type Municipality } from '../rules/municipalities';
import { regionForMunicipality } from '../rules/regions';

const municipalityList = (MUNICIPALITIES as readonly Municipality[]).map((m) => {
  const area = regionForMunicipality(m.nis);
  return { nisCode: m.nis, name: m.name, nameFr: m.nameFr ?? null, postalCodes: [...m.postalCodes], region: area.region, agency: area.agency };
}).sort((a, b) => a.name.localeCompare(b.name, 'nl'));

// Living individual languages with a two-letter code, plus the newcomers' languages that have only
// a three-letter one (Dari 'prs'): the list a clerk picks mother tongue and contact languages from.
const EXTRA_LANGUAGES = ['prs', 'tig', 'kmr', 'ckb', 'apc', 'arz', 'ary', 'aeb', 'acm'];
const languageCodes = [
  ...new Set([...iso6393.filter((l) => l.iso6391 && l.type === 'living').map((l) => l.iso6391!), ...EXTRA_LANGUAGES]),
];

export function registerReferenceRoutes(app: ZodApp, _deps: AppDeps): void {
  app.get(
    '/api/v1/reference/municipalities',
    {
      schema: {
        tags: ['Reference data'],
        summary: 'Municipalities of Flanders and Brussels with their operating region and agency',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                nisCode: z.string(),
                name: z.string(),
                nameFr: z.string().nullable(),
                postalCodes: z.array(z.string()),
                region: z.string().nullable(),
                agency: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'private, max-age=3600');
      return { items: municipalityList };
    },
  );

  app.get(
    '/api/v1/reference/languages',
    {
      schema: {
        tags: ['Reference data'],
        summary: 'Language codes (ISO 639) with their names in the caller’s language',
        response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }) },
      },
    },
    async (request, reply) => {
      const locale = request.ctx.locale;
      reply.header('cache-control', 'private, max-age=3600');
      return {
        items: languageCodes
          .map((code) => ({ code, name: languageName(code, locale) ?? code }))
          .sort((a, b) => a.name.localeCompare(b.name, locale)),
      };
    },
  );
}
