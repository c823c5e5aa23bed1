/**
 * Werkingsgebied — which operating region, and so which agency (tenant), is responsible for a
 * person, derived from the municipality they live in.
 *
 * The derivation uses only the NIS code: its first digit(s) give the province, and the two
 * cities with their own agency are matched by exact code. It therefore keeps working for a
 * municipality missing from MUNICIPALITIES.
 */
import { FORMER_NIS_CODES, MUNICIPALITIES, type Municipality } from './municipalities';

/**
 * Provincie — ISO 3166-2:BE subdivision codes without the 'BE-' prefix; 'BXL' for the
 * Brussels-Capital Region, which belongs to no province.
 */
export type ProvinceCode = 'VAN' | 'VBR' | 'VWV' | 'VOV' | 'VLI';

/** Werkingsgebied codes. */
export type RegionCode = 'PA' | 'BR' | 'LI' | 'OV' | 'VB' | 'WV' | 'ANT' | 'GNT';

/** Agentschap / tenant codes. */
export type AgencyCode = 'agii' | 'atlas' | 'in-gent' | 'bon';

export interface MunicipalityArea {
  province: ProvinceCode | 'BXL' | null;
  region: RegionCode | null;
  agency: AgencyCode | null;
}

export const PROVINCES: Readonly<Record<ProvinceCode | 'BXL', string>> = {
  VAN: 'Antwerpen',
  VBR: 'Vlaams-Brabant',
  VWV: 'West-Vlaanderen',
  VOV: 'Oost-Vlaanderen',
  VLI: 'Limburg',
  BXL: 'Brussels Hoofdstedelijk Gewest',
};

export const REGIONS: Readonly<Record<RegionCode, { name: string; agency: AgencyCode }>> = {
  PA: { name: 'Provincie Antwerpen', agency: 'agii' },
  BR: { name: 'Brussel', agency: 'bon' },
  LI: { name: 'Limburg', agency: 'agii' },
  OV: { name: 'Oost-Vlaanderen', agency: 'agii' },
  VB: { name: 'Vlaams-Brabant', agency: 'agii' },
  WV: { name: 'West-Vlaanderen', agency: 'agii' },
  ANT: { name: 'Stad Antwerpen', agency: 'atlas' },
  GNT: { name: 'Stad Gent', agency: 'in-gent' },
};

export const AGENCIES: Readonly<Record<AgencyCode, { name: string }>> = {
  agii: { name: 'Agentschap Integratie en Inburgering' },
  atlas: { name: 'Atlas' },
  'in-gent': { name: 'IN-Gent' },
  bon: { name: 'Bon' },
};

export const ANTWERP_CITY_NIS = '11002';
export const GHENT_CITY_NIS = '44021';

/** Region of each Flemish province outside the two cities with their own agency. */
const PROVINCE_REGION: Readonly<Record<ProvinceCode, RegionCode>> = {
  VAN: 'PA',
  VBR: 'VB',
  VWV: 'WV',
  VOV: 'OV',
  VLI: 'LI',
};

const OUTSIDE: MunicipalityArea = { province: null, region: null, agency: null };

/**
 * The current NIS code for a municipality code, or null when the input cannot be one:
 * not five digits, or ending in 000 (those codes denote a region, province or
 * arrondissement). Codes abolished by the 2025 mergers are replaced by their successor.
 */
export function currentNisCode(nisCode: string): string | null {
  const code = nisCode.trim();
  if (!/^\d{5}$/.test(code) || code.endsWith('000')) return null;
  return FORMER_NIS_CODES[code] ?? code;
}

/**
 * Province, operating region and responsible agency for a municipality. Walloon
 * municipalities (and anything that is not a municipality code) lie outside the agencies'
 * area and yield nulls throughout.
 */
export function regionForMunicipality(nisCode: string): MunicipalityArea {
  const code = currentNisCode(nisCode);
  if (code === null) return OUTSIDE;
  if (code === ANTWERP_CITY_NIS) return { province: 'VAN', region: 'ANT', agency: REGIONS.ANT.agency };
  if (code === GHENT_CITY_NIS) return { province: 'VOV', region: 'GNT', agency: REGIONS.GNT.agency };
  if (code.startsWith('21')) return { province: 'BXL', region: 'BR', agency: REGIONS.BR.agency };
  const province = flemishProvince(code);
  if (province === null) return OUTSIDE;
  const region = PROVINCE_REGION[province];
  return { province, region, agency: REGIONS[region].agency };
}

function flemishProvince(code: string): ProvinceCode | null {
  switch (code[0]) {
    case '1':
      return 'VAN';
    case '2':
      // 21 is Brussels (handled by the caller); 25 is Walloon Brabant.
      return code[1] === '3' || code[1] === '4' ? 'VBR' : null;
    case '3':
      return 'VWV';
    case '4':
      return 'VOV';
    case '7':
      return 'VLI';
    default:
      // 5, 6, 8 and 9 are the Walloon provinces.
      return null;
  }
}

const BY_NIS = new Map<string, Municipality>(MUNICIPALITIES.map((m) => [m.nis, m]));
const BY_POSTAL_CODE = new Map<string, Municipality>(
  MUNICIPALITIES.flatMap((m) => m.postalCodes.map((postalCode) => [postalCode, m] as const)),
);

/**
 * Looks a municipality up by NIS code (five digits; former codes resolve to the merged
 * municipality) or by postal code (four digits; only the main codes in MUNICIPALITIES are
 * known). Null when nothing matches.
 */
export function findMunicipality(nisCodeOrPostalCode: string): Municipality | null {
  const code = nisCodeOrPostalCode.trim();
  if (/^\d{4}$/.test(code)) return BY_POSTAL_CODE.get(code) ?? null;
  const nis = currentNisCode(code);
  return nis === null ? null : (BY_NIS.get(nis) ?? null);
}
