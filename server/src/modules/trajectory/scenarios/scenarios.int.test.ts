/**
 * Runs every scenario in ./cases through the HTTP API (one TestApp for the file), and checks that
 * the set covers every rule-set boundary on both sides. See README.md in this folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type Caller, type TestApp } from '../../../testing/test-app';
import { addDays } from '../rules/dates';
import { BRUSSELS_OVERLAYS, FLANDERS_RULE_SETS, ruleSetBoundaries } from '../rules/rule-sets';
import { httpDriver } from './http-driver';
import { decisiveDates, runScenario, scenarioArea, scenarioSchema, type Scenario } from './scenario';

const CASES = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const files = readdirSync(CASES).filter((f) => f.endsWith('.json')).sort();
const loaded = files.map((file) => ({ file, json: JSON.parse(readFileSync(join(CASES, file), 'utf8')) as unknown }));
const parsed = loaded.map(({ file, json }) => ({ file, result: scenarioSchema.safeParse(json) }));
const valid = parsed.flatMap(({ file, result }) => (result.success ? [{ file, scenario: result.data }] : []));

let t: TestApp;
let worker: Caller;

beforeAll(async () => {
  t = await createTestApp();
  worker = await t.user(['case-worker']);
});
afterAll(async () => {
  await t?.close();
});

describe('scenario files', () => {
  it('there are at least 40, each valid against the scenario schema', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    const invalid = parsed.filter(({ result }) => !result.success).map(({ file, result }) => `${file}: ${z.prettifyError(result.error!)}`);
    expect(invalid).toEqual([]);
  });

  it('titles are unique', () => {
    const titles = valid.map(({ scenario }) => scenario.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('rejects a scenario without any expectation', () => {
    const result = scenarioSchema.safeParse({
      title: 'nothing checked',
      rules: ['WF-02'],
      description: 'Signs up and checks nothing.',
      person: { givenNames: 'A', familyName: 'B', birthDate: '1990-01-01' },
      today: '2024-01-10',
      steps: [{ signUp: { date: '2024-01-10', channel: 'spontaneous' } }],
    });
    expect(result.success).toBe(false);
  });

  /**
   * Coverage: a scenario covers a side of a boundary B when one of its decisive dates (the dates
   * that select a rule set: sign-up, first inscription, contract signature, MO test, MO process
   * evaluation, infringement; see decisiveDates) is exactly B − 1 day ("before") or exactly B
   * ("on"). Boundaries that only a Brussels overlay introduces must be covered by Brussels scenarios.
   */
  it('covers every rule-set boundary with a scenario on the day before and on the day itself', () => {
    const flemish = new Set(FLANDERS_RULE_SETS.map((v) => v.effectiveFrom));
    const brusselsOnly = new Set(BRUSSELS_OVERLAYS.map((v) => v.effectiveFrom).filter((d) => !flemish.has(d)));
    const uncovered: string[] = [];
    for (const boundary of ruleSetBoundaries()) {
      const relevant = valid.filter(({ scenario }) => !brusselsOnly.has(boundary) || scenarioArea(scenario) === 'brussels');
      const sides = { before: addDays(boundary, -1), on: boundary };
      for (const [side, date] of Object.entries(sides)) {
        if (!relevant.some(({ scenario }) => decisiveDates(scenario).includes(date))) uncovered.push(`${boundary} ${side} (${date})`);
      }
    }
    expect(uncovered).toEqual([]);
  });
});

describe('scenarios through the API', () => {
  it.each(valid.map(({ file, scenario }) => [`${file}: ${scenario.title}`, scenario] as [string, Scenario]))('%s', async (_name, scenario) => {
    await runScenario(httpDriver(worker, (now) => (t.clock.now = now)), scenario);
  });
});
