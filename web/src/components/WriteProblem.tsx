import { isApiError, type ApiError } from '../api/client';
import { RefusalAlert } from './dossier/ActionModal';
import { ProblemAlert } from './ProblemAlert';

/** The error of a write: a refusal by the rules with its rule, else the API's problem (fields a form shows itself left out). */
export function WriteProblem({ error, handledFields }: { error: unknown; handledFields?: readonly string[] }) {
  if (!error) return null;
  if (isApiError(error, 'rule-violation')) return <RefusalAlert error={error as ApiError} />;
  return <ProblemAlert error={error} {...(handledFields ? { handledFields } : {})} />;
}
