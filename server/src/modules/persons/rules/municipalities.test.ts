import { describe, expect, it } from 'vitest';
import { FORMER_NIS_CODES, MUNICIPALITIES } from './municipalities';

const list = MUNICIPALITIES;
const byNis = new Map(list.map((m) => [m.nis, m]));

describe('municipalities: the 2025 list of Flemish and Brussels municipalities', () => {
  it('NIS codes are unique', () => {
    expect(byNis.size).toBe(list.length);
  });

  it('holds 285 Flemish and 19 Brussels municipalities (after the 2025 mergers)', () => {
    const brussels = list.filter((m) => m.nis.startsWith('21'));
    expect(brussels).toHaveLength(19);
    expect(list.length - brussels.length).toBe(285);
  });

  it('every NIS code is five digits with a Flemish or Brussels prefix', () => {
    for (const m of list) expect(m.nis).toMatch(/^(1\d|21|23|24|3\d|4\d|7\d)\d{3}$/);
  });

  it('every Brussels municipality has a French name, as both languages are official there', () => {
    for (const m of list.filter((x) => x.nis.startsWith('21'))) expect(m.nameFr, m.name).toBeTruthy();
  });

  it('every municipality has at least one postal code and no postal code belongs to two', () => {
    const owner = new Map<string, string>();
    for (const m of list) {
      expect(m.postalCodes.length, m.name).toBeGreaterThan(0);
      for (const postalCode of m.postalCodes) {
        expect(postalCode).toMatch(/^[1-9]\d{3}$/);
        expect(owner.get(postalCode), `${postalCode} in ${m.name}`).toBeUndefined();
        owner.set(postalCode, m.name);
      }
    }
  });

  it('names are unique, so a name picked in a list identifies one municipality', () => {
    expect(new Set(list.map((m) => m.name)).size).toBe(list.length);
  });

  it.each([
    ['11002', 'Antwerpen'],
    ['44021', 'Gent'],
    ['46030', 'Beveren-Kruibeke-Zwijndrecht'],
    ['73110', 'Bilzen-Hoeselt'],
    ['73111', 'Tongeren-Borgloon'],
    ['71071', 'Tessenderlo-Ham'],
    ['71072', 'Hasselt'],
    ['23106', 'Pajottegem'],
    ['44086', 'Nazareth-De Pinte'],
    ['44087', 'Lochristi'],
    ['44088', 'Merelbeke-Melle'],
    ['46029', 'Lokeren'],
    ['37021', 'Wingene'],
    ['37022', 'Tielt'],
    ['21009', 'Elsene'],
  ])('2025 codes: %s is %s', (nis, name) => {
    expect(byNis.get(nis)?.name).toBe(name);
  });
});

describe('municipalities: codes abolished by the 2025 mergers', () => {
  it('are no longer listed', () => {
    for (const former of Object.keys(FORMER_NIS_CODES)) expect(byNis.has(former), former).toBe(false);
  });

  it('each point to a listed municipality', () => {
    for (const [former, current] of Object.entries(FORMER_NIS_CODES)) {
      expect(byNis.has(current), `${former} → ${current}`).toBe(true);
    }
  });
});
