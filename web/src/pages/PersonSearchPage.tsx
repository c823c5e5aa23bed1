import { Button, Group, Loader, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { usePermission, usePersonSearch } from '../api/queries';
import { ButtonLink } from '../components/Link';
import { PersonSummaryCells, PersonSummaryHeaders } from '../components/PersonSummaryCells';
import { ProblemAlert } from '../components/ProblemAlert';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { ScrollTable } from '../components/ScrollTable';

const route = getRouteApi('/_app/persons');

export function PersonSearchPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Personen zoeken`);
  const { q = '' } = route.useSearch();
  const navigate = useNavigate();
  const [text, setText] = useState(q);
  const canCreate = usePermission('person.create');
  const results = usePersonSearch(q);

  useEffect(() => setText(q), [q]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = text.trim();
    void navigate({ to: '/persons', search: next ? { q: next } : {} });
  };

  const count = results.data?.length ?? 0;
  const resultsLabel = t`Zoekresultaten voor “${q}”`;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t`Personen zoeken`}</Title>
        {canCreate && <ButtonLink to="/persons/new" variant="light">{t`Nieuwe persoon`}</ButtonLink>}
      </Group>
      <form onSubmit={onSubmit} role="search" aria-label={t`Personen`}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={t`Naam, INSZ of geboortedatum`}
            description={t`Namen mogen in elk schrift of in Latijnse transliteratie.`}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: '1 1 20rem' }}
            dir="auto"
          />
          <Button type="submit">{t`Zoeken`}</Button>
        </Group>
      </form>

      <div aria-live="polite" aria-atomic="true">
        {results.isFetching && (
          <Group gap="xs">
            <Loader size="sm" aria-hidden />
            <Text>{t`Bezig met zoeken…`}</Text>
          </Group>
        )}
        {!results.isFetching && results.isSuccess && (
          <Text>{plural(count, { one: '# persoon gevonden', other: '# personen gevonden' })}</Text>
        )}
      </div>
      <ProblemAlert error={results.error} />

      {results.data && results.data.length > 0 && (
        <ScrollTable minWidth={640} label={resultsLabel}>
          <caption>
            <VisuallyHidden>{resultsLabel}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <PersonSummaryHeaders />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.data.map((p) => (
              <Table.Tr key={p.id}>
                <PersonSummaryCells person={p} />
              </Table.Tr>
            ))}
          </Table.Tbody>
          </ScrollTable>
      )}
    </Stack>
  );
}
