import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useRef } from 'react';
import type { DuplicateCandidate } from '../api/types';
import { duplicateReasonLabel } from '../labels';
import { PersonSummaryCells, PersonSummaryHeaders } from './PersonSummaryCells';
import { ScrollTable } from './ScrollTable';

interface Props {
  candidates: DuplicateCandidate[];
  detail: string;
  confirming?: boolean;
  /** Offered only where the API accepts the acknowledgement (registration, not same-INSZ candidates). */
  onConfirmDifferent?: () => void;
}

/** The possible duplicates the API found: open one, or confirm this is a different person. */
export function DuplicateCandidates({ candidates, detail, confirming, onConfirmDifferent }: Props) {
  const { t, i18n } = useLingui();
  const ref = useRef<HTMLDivElement>(null);
  // The same INSZ is never a different person: the API refuses to acknowledge those candidates.
  const sameInsz = candidates.some((c) => c.reasons.includes('same-insz'));
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'start' });
  }, [candidates]);
  return (
    <Alert ref={ref} color="yellow" variant="light" title={t`Bestaat deze persoon al?`} role="alert">
      <Stack gap="sm">
        <Text size="sm">{detail}</Text>
        <ScrollTable minWidth={560} label={t`Gelijkaardige personen`} striped={false} withTableBorder>
          <caption style={{ textAlign: 'start', fontWeight: 600, paddingBottom: 4 }}>
            {t`Gelijkaardige personen`}
          </caption>
          <Table.Thead>
            <Table.Tr>
              <PersonSummaryHeaders />
              <Table.Th scope="col">{t`Overeenkomst`}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {candidates.map((c) => {
              const score = new Intl.NumberFormat(i18n.locale, { style: 'percent' }).format(
                c.score > 1 ? c.score / 100 : c.score,
              );
              return (
                <Table.Tr key={c.id}>
                  <PersonSummaryCells person={c} />
                  <Table.Td>
                    {score}
                    {c.reasons.length > 0 && (
                      <Text size="xs" component="span" display="block">
                        {c.reasons.map((r) => duplicateReasonLabel(i18n, r)).join(', ')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          </ScrollTable>
        {sameInsz || !onConfirmDifferent ? (
          <Text size="sm" fw={600}>
            {t`Een persoon met dit INSZ bestaat al. Open die persoon in plaats van een nieuwe aan te maken.`}
          </Text>
        ) : (
          <Group>
            <Button onClick={onConfirmDifferent} loading={confirming}>
              {t`Dit is een andere persoon: toch bewaren`}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
