import { Stack, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { ApiError, isApiError, newUuid, request } from '../api/client';
import { keys } from '../api/queries';
import type { DuplicateCandidate, Person, PersonInput } from '../api/types';
import { DuplicateCandidates } from '../components/DuplicateCandidates';
import { PersonForm } from '../components/PersonForm';
import { useDocumentTitle } from '../components/useDocumentTitle';

export function duplicateCandidates(error: unknown): DuplicateCandidate[] | null {
  if (!isApiError(error, 'possible-duplicate')) return null;
  const candidates = (error as ApiError).problem.candidates;
  return Array.isArray(candidates) ? (candidates as DuplicateCandidate[]) : [];
}

export function PersonNewPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Nieuwe persoon`);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lastInput = useRef<PersonInput | null>(null);
  const [acknowledged, setAcknowledged] = useState<string[]>([]);

  const create = useMutation({
    // A fresh Idempotency-Key per submission: a retried request of the same submission is not duplicated.
    mutationFn: async (input: PersonInput) =>
      (await request<Person>('POST', '/persons', { body: input, idempotencyKey: newUuid() })).data,
    onSuccess: async (person) => {
      queryClient.setQueryData(keys.person(person.id), person);
      await queryClient.invalidateQueries({ queryKey: ['persons', 'search'] });
      await navigate({ to: '/persons/$personId', params: { personId: person.id } });
    },
  });

  const candidates = duplicateCandidates(create.error);

  const submit = (input: PersonInput) => {
    lastInput.current = input;
    create.mutate(acknowledged.length > 0 ? { ...input, acknowledgedDuplicateIds: acknowledged } : input);
  };

  const confirmDifferent = () => {
    if (!candidates || !lastInput.current) return;
    const ids = [...new Set([...acknowledged, ...candidates.map((c) => c.id)])];
    setAcknowledged(ids);
    create.mutate({ ...lastInput.current, acknowledgedDuplicateIds: ids });
  };

  return (
    <Stack maw={960}>
      <Title order={1}>{t`Nieuwe persoon`}</Title>
      <PersonForm
        person={null}
        submitLabel={t`Persoon aanmaken`}
        submitting={create.isPending}
        error={candidates ? null : create.error}
        onSubmit={submit}
        onCancel={() => void navigate({ to: '/persons' })}
        notice={
          candidates && create.error instanceof ApiError ? (
            <DuplicateCandidates
              candidates={candidates}
              detail={create.error.problem.detail ?? create.error.problem.title}
              confirming={create.isPending}
              onConfirmDifferent={confirmDifferent}
            />
          ) : null
        }
      />
    </Stack>
  );
}
