import { Button, Group, Loader, Radio, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useCaseload, type CaseloadFilter } from '../api/trajectory';
import { AnchorLink } from '../components/Link';
import { originalName, PersonName } from '../components/PersonName';
import { ProblemAlert } from '../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../components/ScrollTable';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { formatDate } from '../labels';
import { SEVERITY_COLOR, deadlineKindLabel, dossierStatusLabel, nextActionLabel, severityLabel, targetGroupLabel } from '../trajectoryLabels';
import { StatusBadge } from '../components/StatusBadge';
import { OpenDossierLink } from '../components/dossier/OpenDossierLink';

const route = getRouteApi('/_app/caseload');

export function CaseloadPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`Caseload`);
  const { caseWorker = 'me' } = route.useSearch();
  const navigate = useNavigate();
  const caseload = useCaseload(caseWorker);
  const items = caseload.data?.pages.flatMap((p) => p.items) ?? [];
  const label = t`Lopende dossiers, dringendste eerst`;

  return (
    <Stack maw={1200}>
      <Title order={1}>{t`Caseload`}</Title>
      <Text>{t`Lopende dossiers gesorteerd op dringendheid: eerst achterstallige, dan binnenkort te doen, dan later.`}</Text>
      <Radio.Group
        label={t`Toon dossiers van`}
        value={caseWorker}
        onChange={(value) => void navigate({ to: '/caseload', search: value === 'me' ? {} : { caseWorker: value as CaseloadFilter } })}
      >
        <Group mt="xs">
          <Radio value="me" label={t`Mij`} />
          <Radio value="unassigned" label={t`Niemand (niet toegewezen)`} />
          <Radio value="all" label={t`Iedereen`} />
        </Group>
      </Radio.Group>

      <div aria-live="polite">{caseload.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}</div>
      <ProblemAlert error={caseload.error} />
      {caseload.isSuccess && items.length === 0 && <Text>{t`Geen lopende dossiers.`}</Text>}
      {items.length > 0 && (
        <ScrollTable minWidth={900} label={label}>
          <caption>
            <VisuallyHidden>{label}</VisuallyHidden>
          </caption>
          <ColumnHeads labels={[t`Persoon`, t`Dringendheid`, t`Reden`, t`Volgende stap`, t`Uiterlijk`, t`Status`, t`Dossier`]} />
          <Table.Tbody>
            {items.map((item) => {
              const first = item.followUp[0];
              const name = originalName(item.person);
              return (
                <Table.Tr key={item.dossierId}>
                  <Table.Td>
                    <AnchorLink to="/persons/$personId" params={{ personId: item.personId }} underline="always">
                      <PersonName person={item.person} />
                    </AnchorLink>
                    {item.person.birthDate && <Text size="xs">{formatDate(i18n.locale, item.person.birthDate)}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {first ? (
                      <StatusBadge color={SEVERITY_COLOR[first.severity] ?? 'gray'}>{severityLabel(i18n, first.severity)}</StatusBadge>
                    ) : (
                      t`Niets te doen`
                    )}
                  </Table.Td>
                  <Table.Td>{first ? deadlineKindLabel(i18n, first.reason) : '—'}</Table.Td>
                  <Table.Td>{first ? nextActionLabel(i18n, first.nextAction) : '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{first ? formatDate(i18n.locale, first.dueOn) : '—'}</Table.Td>
                  <Table.Td>
                    {dossierStatusLabel(i18n, item.status)}
                    {item.targetGroup && <Text size="xs">{targetGroupLabel(i18n, item.targetGroup)}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <OpenDossierLink dossierId={item.dossierId} label={t`Dossier van ${name} openen`} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
      {caseload.hasNextPage && (
        <Button w="fit-content" variant="default" onClick={() => void caseload.fetchNextPage()} loading={caseload.isFetchingNextPage}>
          {t`Meer laden`}
        </Button>
      )}
    </Stack>
  );
}
