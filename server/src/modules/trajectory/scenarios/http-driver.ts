/**
 * A ScenarioDriver over the HTTP API: every step is a request a case worker could send
 * (app.inject through a signed-in caller), so a scenario exercises exactly the API. Used by the
 * scenario tests and by the demo-data command.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Caller } from '../../../testing/test-app';
import type { DossierCommand } from '../dossier/commands';
import type { ActResult, DossierLike, ScenarioDriver, ScenarioPerson } from './scenario';

function toResult(res: LightMyRequestResponse, ok: number): ActResult {
  if (res.statusCode === ok) return res.json() as DossierLike;
  let body: unknown = res.body;
  try {
    body = res.json();
  } catch {
    // not JSON: keep the text
  }
  const problem = (typeof body === 'object' && body !== null ? body : {}) as { rule?: string; refusal?: string };
  return {
    refused: true,
    status: res.statusCode,
    ...(problem.rule ? { rule: problem.rule } : {}),
    ...(problem.refusal ? { refusal: problem.refusal } : {}),
    body,
  };
}

/**
 * `caller` needs the case-worker permissions (and enforcement.record for enforcement scenarios);
 * `setNow` moves the server's clock.
 */
export function httpDriver(caller: Pick<Caller, 'request'>, setNow: (now: Date) => void): ScenarioDriver {
  return {
    async createPerson(person: ScenarioPerson) {
      const body = { givenNames: person.givenNames, familyName: person.familyName, birthDate: person.birthDate, ...(person.address ? { address: person.address } : {}) };
      let res = await caller.request('POST', '/api/v1/persons', { body });
      if (res.statusCode === 409 && res.json().candidates) {
        // Scenarios reuse names: another scenario's person is not this one.
        const ids = (res.json().candidates as Array<{ id: string }>).map((c) => c.id);
        res = await caller.request('POST', '/api/v1/persons', { body: { ...body, acknowledgedDuplicateIds: ids } });
      }
      if (res.statusCode !== 201) throw new Error(`creating the person failed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
    setToday(date: string) {
      // Mid-morning in Belgium, so the Belgian calendar day is `date` whatever the offset.
      setNow(new Date(`${date}T09:00:00Z`));
    },
    async signUp(personId, body) {
      return toResult(await caller.request('POST', `/api/v1/persons/${personId}/dossiers`, { body }), 201);
    },
    async act(dossierId: string, version: number, command: DossierCommand) {
      const { type, ...body } = command;
      const res = await caller.request('POST', `/api/v1/dossiers/${dossierId}/actions/${type}`, { body, headers: { 'if-match': `"${version}"` } });
      return toResult(res, 200);
    },
    async get(dossierId: string, asOf?: string) {
      const res = await caller.request('GET', `/api/v1/dossiers/${dossierId}${asOf ? `?asOf=${asOf}` : ''}`);
      if (res.statusCode !== 200) throw new Error(`reading the dossier failed: ${res.statusCode} ${res.body}`);
      return res.json() as DossierLike;
    },
  };
}
