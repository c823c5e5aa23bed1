import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from './municipalities';
import {
  AGENCIES,
  PROVINCES,
  REGIONS,
  currentNisCode,
  findMunicipality,
  regionForMunicipality,
  type RegionCode,
} from './regions';

const list = MUNICIPALITIES;

describe('regions: municipality → province → operating region → agency', () => {
  it.each([
    ['11002', 'Antwerpen (city)', 'VAN', 'ANT', 'atlas'],
    ['12025', 'Mechelen', 'VAN', 'PA', 'agii'],
    ['13040', 'Turnhout', 'VAN', 'PA', 'agii'],
    ['44021', 'Gent (city)', 'VOV', 'GNT', 'in-gent'],
    ['41002', 'Aalst', 'VOV', 'OV', 'agii'],
    ['44013', 'Destelbergen (borders Ghent, not the city)', 'VOV', 'OV', 'agii'],
    ['24062', 'Leuven', 'VBR', 'VB', 'agii'],
    ['23088', 'Vilvoorde', 'VBR', 'VB', 'agii'],
    ['31005', 'Brugge', 'VWV', 'WV', 'agii'],
    ['71072', 'Hasselt', 'VLI', 'LI', 'agii'],
    ['73111', 'Tongeren-Borgloon', 'VLI', 'LI', 'agii'],
    ['21009', 'Elsene / Ixelles', 'BXL', 'BR', 'bon'],
    ['21004', 'Brussel / Bruxelles', 'BXL', 'BR', 'bon'],
  ] as const)('%s %s → %s / %s / %s', (nis, _name, province, region, agency) => {
    expect(regionForMunicipality(nis)).toEqual({ province, region, agency });
  });

  it.each([
    ['62063', 'Liège'],
    ['25072', 'Nivelles (Walloon Brabant)'],
    ['52011', 'Charleroi'],
    ['92094', 'Namur'],
    ['81001', 'Arlon'],
    ['63023', 'Eupen (German-speaking Community)'],
  ])('Walloon %s (%s) lies outside the agencies’ area → nulls', (nis) => {
    expect(regionForMunicipality(nis)).toEqual({ province: null, region: null, agency: null });
  });

  it.each(['', 'abcde', '1100', '110022', '11 002', '00000', '10000', '11000', '20001', '04000', '99999'])(
    'unknown or malformed code %j → nulls',
    (nis) => {
      expect(regionForMunicipality(nis)).toEqual({ province: null, region: null, agency: null });
    },
  );

  it('tolerates surrounding whitespace', () => {
    expect(regionForMunicipality(' 44021 ').agency).toBe('in-gent');
  });

  it('derives by NIS prefix alone, so an unlisted Flemish code still gets a region', () => {
    expect(list.some((m) => m.nis === '41999')).toBe(false);
    expect(regionForMunicipality('41999')).toEqual({ province: 'VOV', region: 'OV', agency: 'agii' });
  });
});

describe('regions: codes abolished by the 2025 mergers still route correctly', () => {
  it.each([
    ['11007', 'Borsbeek, now a district of Antwerpen', '11002', 'VAN', 'ANT', 'atlas'],
    ['11056', 'Zwijndrecht, moved to Oost-Vlaanderen', '46030', 'VOV', 'OV', 'agii'],
    ['73040', 'Kortessem, now part of Hasselt', '71072', 'VLI', 'LI', 'agii'],
    ['44045', 'Moerbeke, now part of Lokeren', '46029', 'VOV', 'OV', 'agii'],
  ] as const)('%s (%s) → %s, %s / %s / %s', (former, _name, current, province, region, agency) => {
    expect(currentNisCode(former)).toBe(current);
    expect(regionForMunicipality(former)).toEqual({ province, region, agency });
    expect(findMunicipality(former)?.nis).toBe(current);
  });
});

describe('regions: every listed municipality maps to a region', () => {
  it('every municipality has a province, region and agency, and the agency is its region’s', () => {
    for (const m of list) {
      const area = regionForMunicipality(m.nis);
      expect(area.region, `${m.nis} ${m.name}`).not.toBeNull();
      expect(area.province, `${m.nis} ${m.name}`).not.toBeNull();
      expect(area.agency).toBe(REGIONS[area.region as RegionCode].agency);
    }
  });

  it('every region and every agency is served by at least one listed municipality', () => {
    const regions = new Set(list.map((m) => regionForMunicipality(m.nis).region));
    const agencies = new Set(list.map((m) => regionForMunicipality(m.nis).agency));
    expect([...regions].sort()).toEqual(Object.keys(REGIONS).sort());
    expect([...agencies].sort()).toEqual(Object.keys(AGENCIES).sort());
  });

  it('only the city itself maps to the city regions', () => {
    expect(list.filter((m) => regionForMunicipality(m.nis).region === 'ANT').map((m) => m.name)).toEqual(['Antwerpen']);
    expect(list.filter((m) => regionForMunicipality(m.nis).region === 'GNT').map((m) => m.name)).toEqual(['Gent']);
  });

  it('counts per operating region match the 2025 list', () => {
    const count = (region: RegionCode) => list.filter((m) => regionForMunicipality(m.nis).region === region).length;
    expect(count('PA')).toBe(66); // 67 municipalities in the province minus the city
    expect(count('VB')).toBe(63);
    expect(count('WV')).toBe(62);
    expect(count('OV')).toBe(54); // 55 minus the city
    expect(count('LI')).toBe(38);
    expect(count('BR')).toBe(19);
  });

  it('every province code used has a Dutch name', () => {
    for (const m of list) expect(PROVINCES[regionForMunicipality(m.nis).province!]).toBeTruthy();
  });

  it('any five-digit string yields either a full area or all nulls (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5}$/), (nis) => {
        const area = regionForMunicipality(nis);
        if (area.region === null) expect(area).toEqual({ province: null, region: null, agency: null });
        else expect(area.agency).toBe(REGIONS[area.region].agency);
      }),
    );
  });
});

describe('regions: findMunicipality by NIS code or postal code', () => {
  it.each([
    ['11002', 'Antwerpen'],
    ['21009', 'Elsene'],
    ['9000', 'Gent'],
    ['9050', 'Gent'],
    ['1050', 'Elsene'],
    ['2150', 'Antwerpen'], // Borsbeek's postal code, district of Antwerpen since 2025
    ['2070', 'Beveren-Kruibeke-Zwijndrecht'],
    ['3945', 'Tessenderlo-Ham'],
    ['3000', 'Leuven'],
    [' 8000 ', 'Brugge'],
  ])('%j → %s', (code, name) => {
    expect(findMunicipality(code)?.name).toBe(name);
  });

  it('returns the French name for Brussels municipalities', () => {
    expect(findMunicipality('1050')?.nameFr).toBe('Ixelles');
  });

  it.each(['4000', '62063', '12345', '0000', '', 'Gent', '900', '90000'])('%j → null', (code) => {
    expect(findMunicipality(code)).toBeNull();
  });
});
