/**
 * Scenario's — a complete dossier history written as a story (JSON), replayed through the same
 * commands the API takes, with the outcomes a policy reader expects. A scenario is test case and
 * demo data at once: see README.md in this folder for the format.
 *
 * `runScenario` is independent of HTTP: it talks to a ScenarioDriver (http-driver.ts drives the
 * real API of a TestApp). It stops at the first step that does not go as written and throws a
 * ScenarioFailure naming the step and every difference found in it.
 */
import { z } from 'zod';
import { isoDate, plainText } from '../../../platform/schema';
import { addressInput } from '../../persons/persons.schema';
import { dossierCommand, signUpCommand, type DossierCommand } from '../dossier/commands';
import { REFUSALS } from '../dossier/refusals';
import { PILLAR_STATUSES } from '../rules/pillars';
import { TARGET_GROUPS } from '../dossier/commands';
import { DEADLINE_KINDS, FOLLOW_UP_REASONS } from '../dossier/evaluate';
import { CERTIFICATE_KINDS, DOSSIER_STATUSES } from '../dossier/state';

const ruleId = z.string().regex(/^[A-Z]{1,3}(-[A-Z]{2})?-\d{2}$/, 'a rule id such as R-09, WF-03 or FL-MO-05');

export const scenarioPerson = z
  .object({
    givenNames: z.string().min(1).max(200),
    familyName: z.string().min(1).max(200),
    birthDate: isoDate.nullable(),
    address: addressInput.optional(),
  })
  .strict();
export type ScenarioPerson = z.infer<typeof scenarioPerson>;

/** A refusal the step must get: HTTP 422 with these `rule` and `refusal` members. */
const refusalExpectation = z.object({ rule: ruleId, refusal: z.enum(REFUSALS) }).strict();

const pillarExpectation = z.union([
  z.enum(PILLAR_STATUSES),
  z.object({ status: z.enum(PILLAR_STATUSES), missing: z.array(z.string()).optional() }).strict(),
]);

const deadlineExpectation = z
  .object({
    dueOn: isoDate.optional(),
    status: z.enum(['met', 'met-late', 'open', 'overdue', 'paused']).optional(),
    shiftedDays: z.number().int().min(0).optional(),
    metOn: isoDate.nullable().optional(),
    rule: z.string().optional(),
  })
  .strict()
  .refine((d) => Object.keys(d).length > 0, 'say what to check of the deadline, or null for "no such deadline"');

const infringementExpectation = z
  .object({
    kind: z.string().optional(),
    status: z.enum(['detected', 'notice-sent', 'complied', 'handed-over', 'annulled']),
    complyBy: isoDate.optional(),
    annulledBy: z.enum(['address', 'residence-status', 'target-group']).optional(),
  })
  .strict();

/**
 * What the dossier looks like on a day. Every member given is checked exactly (lists as sets, in
 * any order); members left out are not checked. At least one member is required.
 */
export const scenarioExpectation = z
  .object({
    /** The day the dossier is evaluated on; defaults to the scenario's current `today`. */
    asOf: isoDate.optional(),
    status: z.enum(DOSSIER_STATUSES).optional(),
    targetGroupProposal: z.enum(TARGET_GROUPS).optional(),
    /** Reason and missing-fact codes of the proposal, as a set. */
    targetGroupReasons: z.array(z.string()).optional(),
    /** The confirmed (decided) target group. */
    targetGroup: z.enum(TARGET_GROUPS).optional(),
    proposedProfileId: z.string().optional(),
    /** Rule set the certificate conditions are judged under (that of the contract date, R-03); null before a contract. */
    ruleSetId: z.string().nullable().optional(),
    /** Rule set recorded on the contract. */
    contractRuleSetId: z.string().optional(),
    obligated: z.boolean().optional(),
    pillars: z
      .object({ mo: pillarExpectation, nt2: pillarExpectation, work: pillarExpectation, participation: pillarExpectation })
      .partial()
      .strict()
      .optional(),
    canIssue: z.boolean().optional(),
    /** The certificate's missing codes, as a set. */
    missing: z.array(z.string()).optional(),
    /** Per deadline kind what to check; null: the dossier has no such deadline. */
    deadlines: z.partialRecord(z.enum(DEADLINE_KINDS), deadlineExpectation.nullable()).optional(),
    /** The reasons on the follow-up list, as a set. */
    followUpReasons: z.array(z.enum(FOLLOW_UP_REASONS)).optional(),
    /** The next action proposed for some follow-up reasons. */
    followUpActions: z.partialRecord(z.enum(FOLLOW_UP_REASONS), z.string()).optional(),
    /** Kinds of the certificates issued so far, as a list in any order. */
    certificates: z.array(z.enum(CERTIFICATE_KINDS)).optional(),
    closureReason: z.enum(['certificate', 'left-target-group', 'moved-out-of-area', 'exempted', 'deceased', 'other']).nullable().optional(),
    /** Every infringement, in the order recorded. */
    infringements: z.array(infringementExpectation).optional(),
    /** Actions that must (not) be offered on the dossier page. */
    allowedActions: z
      .object({ includes: z.array(z.string()).optional(), excludes: z.array(z.string()).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((e) => Object.keys(e).some((k) => k !== 'asOf'), 'an expectation must check something');
export type ScenarioExpectation = z.infer<typeof scenarioExpectation>;

const signUpBody = signUpCommand.omit({ type: true }).extend({ area: signUpCommand.shape.area.optional() }).strict();

const comment = plainText(1000).optional();

const signUpStep = z
  .object({ signUp: signUpBody, today: isoDate.optional(), expectRefusal: refusalExpectation.optional(), note: comment })
  .strict();
const commandStep = z
  .object({ command: dossierCommand, today: isoDate.optional(), expectRefusal: refusalExpectation.optional(), note: comment })
  .strict();
const expectStep = z.object({ expect: scenarioExpectation, today: isoDate.optional(), note: comment }).strict();

export const scenarioStep = z.union([signUpStep, commandStep, expectStep]);
export type ScenarioStep = z.infer<typeof scenarioStep>;

export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    title: z.string().min(3).max(200),
    /** Rule ids the scenario illustrates (R-xx, WF-xx, FL-/BX-xx). */
    rules: z.array(ruleId).min(1),
    description: z.string().min(10).max(2000),
    person: scenarioPerson,
    /** The clock at the start; a step's own `today` moves it for that step and the ones after. */
    today: isoDate,
    steps: z.array(scenarioStep).min(1),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    const first = scenario.steps[0];
    if (!first || !('signUp' in first)) ctx.addIssue({ code: 'custom', path: ['steps', 0], message: 'the first step is the sign-up' });
    scenario.steps.forEach((step, index) => {
      if (index > 0 && 'signUp' in step) ctx.addIssue({ code: 'custom', path: ['steps', index], message: 'only the first step signs up' });
    });
    if (first && 'signUp' in first && first.expectRefusal && scenario.steps.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['steps'], message: 'after a refused sign-up there is no dossier to act on' });
    }
    if (!scenario.steps.some((s) => 'expect' in s || ('expectRefusal' in s && s.expectRefusal))) {
      ctx.addIssue({ code: 'custom', path: ['steps'], message: 'a scenario needs at least one "expect" or "expectRefusal" step' });
    }
    let today = scenario.today;
    scenario.steps.forEach((step, index) => {
      today = step.today ?? today;
      const date = 'signUp' in step ? step.signUp.date : 'command' in step ? step.command.date : step.expect.asOf;
      if (date && !('expect' in step) && !step.expectRefusal && date > today) {
        ctx.addIssue({ code: 'custom', path: ['steps', index], message: `dated ${date}, after today (${today}): set "today"` });
      }
    });
  });
export type Scenario = z.infer<typeof scenarioSchema>;

/** A dossier as the API returns it; only the members the runner reads are typed. */
export interface DossierLike {
  id: string;
  version: number;
  status: string;
  state: {
    intake: { targetGroupProposal: { group: string; codes: string[] }; proposedProfileId: string } | null;
    decision: { targetGroup: string } | null;
    contract: { ruleSetId: string; obligated: boolean } | null;
    closure: { reason: string } | null;
    infringements: Array<{ id: string; kind: string; status: string; notice?: { complyBy: string }; annulled?: { change: string } }>;
  };
  evaluation: {
    ruleSetId: string | null;
    pillars: Record<string, { status: string; missing: string[] }> | null;
    certificate: { canIssue: boolean; missing: string[] } | null;
    deadlines: Array<{ kind: string; dueOn: string; status: string; shiftedDays: number; metOn: string | null; rule: string }>;
    followUp: Array<{ reason: string; nextAction: string }>;
  };
  certificates: Array<{ kind: string }>;
  allowedActions: string[];
}

/** A refused action: HTTP status and, for rule refusals, the `rule` and `refusal` members. */
export interface ScenarioRefusal {
  refused: true;
  status: number;
  rule?: string;
  refusal?: string;
  body: unknown;
}

export type ActResult = DossierLike | ScenarioRefusal;

export interface ScenarioDriver {
  createPerson(person: ScenarioPerson): Promise<string>;
  setToday(date: string): void | Promise<void>;
  signUp(personId: string, body: z.infer<typeof signUpBody>): Promise<ActResult>;
  act(dossierId: string, version: number, command: DossierCommand): Promise<ActResult>;
  get(dossierId: string, asOf?: string): Promise<DossierLike>;
}

export class ScenarioFailure extends Error {
  constructor(
    readonly step: number,
    readonly differences: string[],
  ) {
    super(`step ${step + 1}: ${differences.join('; ')}`);
  }
}

export const isRefusal = (result: ActResult): result is ScenarioRefusal => 'refused' in result;

/** Placeholders a command may use for ids only known at run time: "@infringement-1" is the first infringement. */
function resolvePlaceholders(command: DossierCommand, dossier: DossierLike): DossierCommand {
  if (!('infringementId' in command)) return command;
  const match = /^@infringement-(\d+)$/.exec(command.infringementId);
  if (!match) return command;
  const found = dossier.state.infringements[Number(match[1]) - 1];
  return { ...command, infringementId: found?.id ?? command.infringementId };
}

const sameSet = (a: readonly string[], b: readonly string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const show = (v: unknown) => JSON.stringify(v);

/** Every difference between an expectation and a dossier view, as readable lines. */
export function compareExpectation(expected: ScenarioExpectation, dossier: DossierLike): string[] {
  const diffs: string[] = [];
  const check = (label: string, want: unknown, got: unknown, equal = want === got) => {
    if (!equal) diffs.push(`${label}: expected ${show(want)}, got ${show(got)}`);
  };
  const { state, evaluation } = dossier;
  if (expected.status !== undefined) check('status', expected.status, dossier.status);
  if (expected.targetGroupProposal !== undefined) check('targetGroupProposal', expected.targetGroupProposal, state.intake?.targetGroupProposal.group);
  if (expected.targetGroupReasons !== undefined) {
    const got = state.intake?.targetGroupProposal.codes ?? [];
    check('targetGroupReasons', expected.targetGroupReasons, got, sameSet(expected.targetGroupReasons, got));
  }
  if (expected.targetGroup !== undefined) check('targetGroup', expected.targetGroup, state.decision?.targetGroup);
  if (expected.proposedProfileId !== undefined) check('proposedProfileId', expected.proposedProfileId, state.intake?.proposedProfileId);
  if (expected.ruleSetId !== undefined) check('ruleSetId', expected.ruleSetId, evaluation.ruleSetId);
  if (expected.contractRuleSetId !== undefined) check('contractRuleSetId', expected.contractRuleSetId, state.contract?.ruleSetId);
  if (expected.obligated !== undefined) check('obligated', expected.obligated, state.contract?.obligated);
  for (const [name, want] of Object.entries(expected.pillars ?? {})) {
    const got = evaluation.pillars?.[name];
    const status = typeof want === 'string' ? want : want.status;
    check(`pillars.${name}`, status, got?.status);
    if (typeof want !== 'string' && want.missing) check(`pillars.${name}.missing`, want.missing, got?.missing, sameSet(want.missing, got?.missing ?? []));
  }
  if (expected.canIssue !== undefined) check('canIssue', expected.canIssue, evaluation.certificate?.canIssue);
  if (expected.missing !== undefined) {
    const got = evaluation.certificate?.missing ?? [];
    check('missing', expected.missing, got, sameSet(expected.missing, got));
  }
  for (const [kind, want] of Object.entries(expected.deadlines ?? {})) {
    const got = evaluation.deadlines.filter((d) => d.kind === kind);
    if (want === null) {
      check(`deadlines.${kind}`, null, got, got.length === 0);
      continue;
    }
    if (got.length !== 1) {
      diffs.push(`deadlines.${kind}: expected one, got ${got.length}`);
      continue;
    }
    for (const [member, value] of Object.entries(want)) check(`deadlines.${kind}.${member}`, value, (got[0] as Record<string, unknown>)[member]);
  }
  if (expected.followUpReasons !== undefined) {
    const got = [...new Set(evaluation.followUp.map((i) => i.reason))];
    check('followUpReasons', expected.followUpReasons, got, sameSet(expected.followUpReasons, got));
  }
  for (const [reason, action] of Object.entries(expected.followUpActions ?? {})) {
    check(`followUpActions.${reason}`, action, evaluation.followUp.find((i) => i.reason === reason)?.nextAction);
  }
  if (expected.certificates !== undefined) {
    const got = dossier.certificates.map((c) => c.kind);
    check('certificates', expected.certificates, got, sameSet(expected.certificates, got));
  }
  if (expected.closureReason !== undefined) check('closureReason', expected.closureReason, state.closure?.reason ?? null);
  if (expected.infringements !== undefined) {
    const got = state.infringements.map((i) => ({
      kind: i.kind,
      status: i.status,
      ...(i.notice ? { complyBy: i.notice.complyBy } : {}),
      ...(i.annulled ? { annulledBy: i.annulled.change } : {}),
    }));
    if (got.length !== expected.infringements.length) diffs.push(`infringements: expected ${expected.infringements.length}, got ${show(got)}`);
    expected.infringements.forEach((want, index) => {
      for (const [member, value] of Object.entries(want)) check(`infringements[${index}].${member}`, value, (got[index] as Record<string, unknown> | undefined)?.[member]);
    });
  }
  for (const action of expected.allowedActions?.includes ?? []) if (!dossier.allowedActions.includes(action)) diffs.push(`allowedActions: ${action} missing`);
  for (const action of expected.allowedActions?.excludes ?? []) if (dossier.allowedActions.includes(action)) diffs.push(`allowedActions: ${action} offered`);
  return diffs;
}

function checkRefusal(result: ActResult, expected: z.infer<typeof refusalExpectation> | undefined, what: string): string[] {
  if (!expected) {
    return isRefusal(result) ? [`${what} refused: ${result.status} ${result.rule ?? ''} ${result.refusal ?? ''} ${show(result.body)}`] : [];
  }
  if (!isRefusal(result)) return [`${what}: expected refusal ${expected.refusal} (${expected.rule}), but it was accepted`];
  const diffs: string[] = [];
  if (result.status !== 422) diffs.push(`${what}: expected HTTP 422, got ${result.status} ${show(result.body)}`);
  if (result.refusal !== expected.refusal) diffs.push(`${what}: expected refusal ${expected.refusal}, got ${result.refusal}`);
  if (result.rule !== expected.rule) diffs.push(`${what}: expected rule ${expected.rule}, got ${result.rule}`);
  return diffs;
}

export interface ScenarioRun {
  personId: string;
  dossierId: string | null;
  /** The last dossier view seen. */
  dossier: DossierLike | null;
}

/** Replays `scenario` through `driver`; throws ScenarioFailure at the first step that differs. */
export async function runScenario(driver: ScenarioDriver, input: Scenario | unknown): Promise<ScenarioRun> {
  const scenario = scenarioSchema.parse(input);
  let today = scenario.today;
  await driver.setToday(today);
  const personId = await driver.createPerson(scenario.person);
  let dossier: DossierLike | null = null;

  for (const [index, step] of scenario.steps.entries()) {
    if (step.today && step.today !== today) {
      today = step.today;
      await driver.setToday(today);
    }
    const fail = (diffs: string[]) => {
      if (diffs.length) throw new ScenarioFailure(index, diffs);
    };
    if ('signUp' in step) {
      const result = await driver.signUp(personId, step.signUp);
      fail(checkRefusal(result, step.expectRefusal, 'sign-up'));
      if (!isRefusal(result)) dossier = result;
    } else if ('command' in step) {
      if (!dossier) fail(['no dossier to act on']);
      const current: DossierLike = dossier!;
      const command = resolvePlaceholders(step.command, current);
      const result = await driver.act(current.id, current.version, command);
      fail(checkRefusal(result, step.expectRefusal, command.type));
      if (!isRefusal(result)) dossier = result;
    } else {
      if (!dossier) fail(['no dossier to check']);
      const view = await driver.get(dossier!.id, step.expect.asOf ?? today);
      fail(compareExpectation(step.expect, view));
    }
  }
  return { personId, dossierId: dossier?.id ?? null, dossier };
}

/** The dates in a scenario that select a rule set (see README, "Coverage of the rule-set boundaries"). */
export function decisiveDates(scenario: Scenario): string[] {
  const dates: string[] = [];
  for (const step of scenario.steps) {
    if ('signUp' in step) dates.push(step.signUp.date);
    if (!('command' in step)) continue;
    const command = step.command;
    switch (command.type) {
      case 'record-intake':
        if (command.targetGroupFacts.firstInscriptionDate) dates.push(command.targetGroupFacts.firstInscriptionDate);
        break;
      case 'sign-contract':
        dates.push(command.signedOn);
        break;
      case 'record-mo-test':
      case 'record-mo-process-evaluation':
      case 'record-infringement':
        dates.push(command.date);
        break;
      default:
        break;
    }
  }
  return dates;
}

/** The area a scenario's dossier is in: the sign-up's area, else from the person's address, else Flanders. */
export function scenarioArea(scenario: Scenario): 'flanders' | 'brussels' {
  const first = scenario.steps[0];
  if (first && 'signUp' in first && first.signUp.area) return first.signUp.area;
  return scenario.person.address?.municipalityNis.startsWith('21') ? 'brussels' : 'flanders';
}
