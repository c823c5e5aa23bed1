import { Group, Loader, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { useNeedsPlan, type NeedsPlanFilter, type NeedsPlanRow } from '../../api/dutch';
import { Facts } from '../../components/Facts';
import { fieldError } from '../../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { Nt2Problem, Nt2RegionSelect } from '../../components/nt2/shared';
import { formatDate, regionLabel } from '../../labels';
import { adviceTypeLabel } from '../../nt2Labels';

/** The NT2 needs plan: open demand against planned seats per quarter, region and advice type (PAIN-17). */
export function NeedsPlanPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`NT2-behoefteplan`);
  const [filter, setFilter] = useState<NeedsPlanFilter>({});
  const plan = useNeedsPlan(filter);
  const set = (key: keyof NeedsPlanFilter, value: string) => setFilter((f) => ({ ...f, [key]: value || undefined }));
  const rows = plan.data?.rows ?? [];
  const shortages = rows.filter((r) => r.gap > 0);
  return (
    <Stack maw={1200}>
      <Title order={1}>{t`NT2-behoefteplan`}</Title>
      <Text>
        {t`De vraag (bindende adviezen zonder toewijzing en wachtenden) tegenover de vrije plaatsen in de geplande startmomenten, per kwartaal, werkingsgebied en advies.`}
      </Text>
      <form role="search" aria-label={t`Behoefteplan filteren`} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t`Van`} value={filter.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} error={fieldError(plan.error, 'query.from')} />
          <TextInput type="date" label={t`Tot en met`} value={filter.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} error={fieldError(plan.error, 'query.to')} />
          <Nt2RegionSelect label={t`Werkingsgebied`} emptyLabel={t`Alle werkingsgebieden`} value={filter.region ?? ''} onChange={(e) => set('region', e.currentTarget.value)} />
        </SimpleGrid>
      </form>
      {plan.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
      <Nt2Problem error={plan.error} handledFields={['query.from', 'query.to']} />
      {plan.data && (
        <>
          <SectionCard id="needs-summary-title" title={t`Samenvatting`}>
            <Facts
              rows={[
                [t`Periode`, `${formatDate(i18n.locale, plan.data.from)} – ${formatDate(i18n.locale, plan.data.to)}`],
                [t`Vraag`, String(plan.data.totals.demand)],
                [t`Geplande plaatsen`, String(plan.data.totals.plannedSeats)],
                [t`Vrije plaatsen`, String(plan.data.totals.freeSeats)],
                [t`Combinaties met een tekort`, String(shortages.length)],
              ]}
            />
          </SectionCard>
          <SectionCard id="needs-rows-title" title={t`Vraag en aanbod per kwartaal`}>
            {rows.length === 0 ? (
              <Text>{t`Geen vraag en geen aanbod in deze periode.`}</Text>
            ) : (
              <ScrollTable minWidth={1000} label={t`Vraag en aanbod per kwartaal`}>
                <ColumnHeads
                  labels={[t`Kwartaal`, t`Werkingsgebied`, t`Advies`, t`Adviezen zonder toewijzing`, t`Wachtenden`, t`Vraag`, t`Startmomenten`, t`Geplande plaatsen`, t`Vrije plaatsen`, t`Verschil`]}
                />
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={`${r.quarter}-${r.region ?? ''}-${r.adviceType}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.quarter}</Table.Td>
                      <Table.Td>{r.region ? regionLabel(i18n, r.region) : t`Onbekend`}</Table.Td>
                      <Table.Td>{adviceTypeLabel(i18n, r.adviceType)}</Table.Td>
                      <Table.Td>{r.unplacedAdvices}</Table.Td>
                      <Table.Td>{r.waiting}</Table.Td>
                      <Table.Td>{r.demand}</Table.Td>
                      <Table.Td>{r.startMoments}</Table.Td>
                      <Table.Td>{r.plannedSeats}</Table.Td>
                      <Table.Td>{r.freeSeats}</Table.Td>
                      <Table.Td>
                        <Gap row={r} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
            )}
          </SectionCard>
        </>
      )}
    </Stack>
  );
}

/** The gap in words (and colour): a shortage of seats, a surplus, or in balance. */
function Gap({ row }: { row: NeedsPlanRow }) {
  const { t } = useLingui();
  const gap = row.gap;
  const surplus = -gap;
  if (gap > 0) return <StatusBadge color="red">{plural(gap, { one: 'Tekort: # plaats', other: 'Tekort: # plaatsen' })}</StatusBadge>;
  if (gap < 0) return <StatusBadge color="green">{plural(surplus, { one: 'Overschot: # plaats', other: 'Overschot: # plaatsen' })}</StatusBadge>;
  return (
    <Group gap={4}>
      <StatusBadge color="gray">{t`In evenwicht`}</StatusBadge>
    </Group>
  );
}
