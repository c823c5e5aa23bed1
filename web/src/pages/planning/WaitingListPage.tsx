import { Button, Checkbox, Group, Loader, NativeSelect, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import { useWaitingList, useWaitingSummary, type WaitingGroup } from '../../api/orientation';
import { usePermission } from '../../api/queries';
import { ButtonLink } from '../../components/Link';
import { PersonName } from '../../components/PersonName';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { OpenDossierLink } from '../../components/dossier/OpenDossierLink';
import { useLanguageName } from '../../components/planning/shared';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, regionLabel } from '../../labels';

/** the agencies aim to keep the number waiting over six months after the contract under 1,000. */
const TARGET = 1000;
const HORIZONS = [30, 60, 90, 180];

interface Selection {
  language: string;
  region: string | null;
}

/** The planner's view of the MO waiting list: the figures per language and region, and who waits. */
export function WaitingListPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`Wachtlijst maatschappelijke oriëntatie`);
  const [horizon, setHorizon] = useState(60);
  const summary = useWaitingSummary(horizon);
  const languageName = useLanguageName();
  const canPlan = usePermission('mo.course.manage');
  const [selected, setSelected] = useState<Selection | null>(null);
  const number = (n: number) => new Intl.NumberFormat(i18n.locale === 'en' ? 'en-GB' : 'nl-BE').format(n);
  const regionName = (region: string | null) => (region ? regionLabel(i18n, region) : t`Onbekend werkingsgebied`);
  const label = t`Wachtenden per taal en werkingsgebied`;
  const data = summary.data;
  const over = data?.overSixMonths ?? 0;

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t`Wachtlijst maatschappelijke oriëntatie`}</Title>
        {canPlan && (
          <ButtonLink to="/planning/mo/courses" variant="light">
            {t`Cursussen plannen`}
          </ButtonLink>
        )}
      </Group>
      <Text>{t`Wie een inburgeringscontract heeft en nog op een cursus maatschappelijke oriëntatie wacht, langst wachtenden eerst. Niemand zou langer dan zes maanden na het contract mogen wachten.`}</Text>

      <div aria-live="polite">{summary.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}</div>
      <ProblemAlert error={summary.error} />

      {data && (
        <Paper withBorder p="lg" component="section" aria-labelledby="headline-title">
          <Title order={2} size="h3" id="headline-title">
            {t`Meer dan zes maanden wachtend na het contract`}
          </Title>
          <Group align="baseline" gap="md" mt="sm">
            <Text fz={40} fw={700} lh={1}>
              {number(over)}
            </Text>
            <Text>{plural(over, { one: 'persoon', other: 'personen' })}</Text>
            <StatusBadge color={over < TARGET ? 'green' : 'red'}>
              {over < TARGET ? t`Onder de doelstelling` : t`Boven de doelstelling`}
            </StatusBadge>
          </Group>
          <Text size="sm" mt="xs">
            {t`Doelstelling: minder dan ${number(TARGET)}. In totaal wachten ${number(data.total)} personen (stand op ${formatDate(i18n.locale, data.asOf)}).`}
          </Text>
        </Paper>
      )}

      {data && (
        <SectionCard
          id="groups-title"
          title={t`Per taal en werkingsgebied`}
          actions={
            <NativeSelect
              label={t`Horizon`}
              value={String(horizon)}
              onChange={(e) => setHorizon(Number(e.currentTarget.value))}
              data={HORIZONS.map((d) => ({ value: String(d), label: plural(d, { one: '# dag', other: '# dagen' }) }))}
            />
          }
        >
          {data.groups.length === 0 ? (
            <Text>{t`Niemand wacht op een cursus.`}</Text>
          ) : (
            <ScrollTable minWidth={960} label={label}>
              <caption>
                <VisuallyHidden>{label}</VisuallyHidden>
              </caption>
              <ColumnHeads
                labels={[
                  t`Taal`,
                  t`Werkingsgebied`,
                  t`Wachtend`,
                  t`Meer dan zes maanden`,
                  t`Binnen ${horizon} dagen over zes maanden`,
                  t`Langste wachttijd`,
                  t`Gemiddelde wachttijd`,
                  t`Personen`,
                ]}
              />
              <Table.Tbody>
                {data.groups.map((g) => (
                  <GroupRow
                    key={`${g.language}|${g.region ?? ''}`}
                    group={g}
                    languageName={languageName(g.language)}
                    regionName={regionName(g.region)}
                    selected={selected?.language === g.language && selected.region === g.region}
                    onSelect={() => setSelected({ language: g.language, region: g.region })}
                  />
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </SectionCard>
      )}

      {selected && (
        <WaitingPersons
          key={`${selected.language}|${selected.region ?? ''}`}
          selection={selected}
          title={t`Wachtenden: ${languageName(selected.language)}, ${regionName(selected.region)}`}
        />
      )}
    </Stack>
  );
}

function GroupRow({ group: g, languageName, regionName, selected, onSelect }: { group: WaitingGroup; languageName: string; regionName: string; selected: boolean; onSelect: () => void }) {
  const { t } = useLingui();
  const days = (n: number) => plural(n, { one: '# dag', other: '# dagen' });
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={600}>
        {languageName}
      </Table.Th>
      <Table.Td>{regionName}</Table.Td>
      <Table.Td>{g.waiting}</Table.Td>
      <Table.Td>
        {g.overSixMonths > 0 ? <StatusBadge color="red">{g.overSixMonths}</StatusBadge> : g.overSixMonths}
      </Table.Td>
      <Table.Td>{g.passingWithinHorizon > 0 ? <StatusBadge color="orange">{g.passingWithinHorizon}</StatusBadge> : g.passingWithinHorizon}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{days(g.longestWaitDays)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{days(g.averageWaitDays)}</Table.Td>
      <Table.Td>
        <Button size="compact-sm" variant={selected ? 'filled' : 'default'} onClick={onSelect} aria-pressed={selected} aria-label={t`Personen tonen: ${languageName}, ${regionName}`}>
          {t`Personen tonen`}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** The drill-down: who waits in one language and region, longest wait first. */
function WaitingPersons({ selection, title }: { selection: Selection; title: string }) {
  const { t, i18n } = useLingui();
  const [overOnly, setOverOnly] = useState(true);
  const canReadDossier = usePermission('dossier.read');
  const list = useWaitingList({ language: selection.language, ...(selection.region ? { region: selection.region } : {}), overSixMonths: overOnly });
  // A region-less group cannot be asked for by region: the list is then narrowed here.
  const items = (list.data ?? []).filter((e) => selection.region !== null || e.region === null);
  // Move focus to the list just opened, so keyboard and screen-reader users land on it.
  useEffect(() => {
    const heading = document.getElementById('persons-title');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }, []);

  return (
    <SectionCard id="persons-title" title={title}>
      <Stack>
        <Checkbox label={t`Alleen wie meer dan zes maanden wacht`} checked={overOnly} onChange={(e) => setOverOnly(e.currentTarget.checked)} />
        <div aria-live="polite">
          {list.isFetching && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
          {list.isSuccess && !list.isFetching && <Text>{plural(items.length, { one: '# persoon', other: '# personen' })}</Text>}
        </div>
        <ProblemAlert error={list.error} />
        {items.length > 0 && (
          <ScrollTable minWidth={760} label={title}>
            <ColumnHeads labels={[t`Naam`, t`Wachtend sinds`, t`Zes maanden op`, t`Wachttijd`, t`Dossier`]} />
            <Table.Tbody>
              {items.map((e) => {
                const latin = e.nameLatin !== e.name ? e.nameLatin : null;
                return (
                  <Table.Tr key={e.dossierId}>
                    <Table.Td>
                      <PersonName person={{ givenNames: e.name, familyName: '', givenNamesLatin: latin, familyNameLatin: null }} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(i18n.locale, e.waitingSince)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(i18n.locale, e.sixMonthMark)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{plural(e.waitedDays, { one: '# dag', other: '# dagen' })}</Table.Td>
                    <Table.Td>
                      {canReadDossier ? (
                        <OpenDossierLink dossierId={e.dossierId} label={t`Dossier van ${e.name} openen`} />
                      ) : (
                        <Text size="sm">{t`Geen toegang tot dossiers`}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
    </SectionCard>
  );
}
