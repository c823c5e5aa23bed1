import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useEffect } from 'react';
import { usePermission } from '../../api/queries';
import { useDrillDown, type DrillCell, type DrillDownItem, type Report, type ReportParams } from '../../api/reports';
import { AnchorLink } from '../../components/Link';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, regionLabel } from '../../labels';
import { subjectTypeLabel } from '../../reportLabels';
import { Loading, useFigureFormat } from './shared';

/**
 * The records behind one figure of a report, in date order, a page at a time: dossiers (to the
 * dossier page), persons, MO courses and interpreter requests (to their pages where the user may
 * open them). Opening it moves the focus to its heading.
 */
export function DrillDownList({ report, params, cell, onClose }: { report: Report; params: ReportParams; cell: DrillCell; onClose: () => void }) {
  const { t, i18n } = useLingui();
  const f = useFigureFormat();
  const list = useDrillDown(report.id, params, cell, i18n.locale);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const totalLabel = t`Totaal`;
  const row = cell.row === null ? totalLabel : (report.rows.find((r) => r.key === cell.row)?.label ?? cell.row);
  const column = cell.column === null ? totalLabel : (report.columns.find((c) => c.key === cell.column)?.label ?? cell.column);
  const title = t`Achter het cijfer: ${row}, ${column}`;

  useEffect(() => {
    const heading = document.getElementById('drill-down-title');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }, []);

  const subject = items[0]?.subjectType ?? (report.id === 'B49' || report.id === 'A16' ? 'interpreting-request' : 'dossier');
  const counted = (n: number) => {
    switch (subject) {
      case 'mo-course':
        return plural(n, { one: '# MO-cursus', other: '# MO-cursussen' });
      case 'interpreting-request':
        return plural(n, { one: '# tolkaanvraag', other: '# tolkaanvragen' });
      case 'person':
        return plural(n, { one: '# persoon', other: '# personen' });
      default:
        return plural(n, { one: '# dossier', other: '# dossiers' });
    }
  };

  return (
    <SectionCard
      id="drill-down-title"
      title={title}
      actions={
        <Button variant="default" size="compact-sm" onClick={onClose} className="kp-no-print">
          {t`Lijst sluiten`}
        </Button>
      }
    >
      <Stack>
        <div aria-live="polite">
          {list.isSuccess && (
            <Text>
              {counted(total)}
              {items.length < total ? ` · ${t`${f.number(items.length)} getoond`}` : ''}
            </Text>
          )}
        </div>
        <Loading busy={list.isFetching} />
        <ProblemAlert error={list.error} />
        {list.isSuccess && total === 0 && <Text>{t`Achter dit cijfer zitten geen gegevens.`}</Text>}
        {items.length > 0 && (
          <ScrollTable label={t`Tabel: ${title}`} minWidth={820}>
            <ColumnHeads labels={[t`Naam`, t`Soort`, t`Werkingsgebied`, t`Datum`, t`Detail`, t`Openen`]} />
            <Table.Tbody>
              {items.map((item, index) => (
                <Table.Tr key={`${item.subjectId}-${index}`}>
                  <Table.Td>
                    <span dir="auto">{item.name ?? '—'}</span>
                  </Table.Td>
                  <Table.Td>{subjectTypeLabel(i18n, item.subjectType)}</Table.Td>
                  <Table.Td>{item.region === 'unknown' ? t`Onbekend` : regionLabel(i18n, item.region)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(i18n.locale, item.date)}</Table.Td>
                  <Table.Td>{item.detail ?? ''}</Table.Td>
                  <Table.Td>
                    <SubjectLink item={item} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
        {list.hasNextPage && (
          <Group>
            <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} className="kp-no-print">
              {t`Meer tonen`}
            </Button>
          </Group>
        )}
      </Stack>
    </SectionCard>
  );
}

/** The link to the record behind a figure, where the user may open it. */
function SubjectLink({ item }: { item: DrillDownItem }) {
  const { t } = useLingui();
  const canCourses = usePermission('mo.course.manage');
  const canDesk = usePermission('interpreting.desk');
  const name = item.name ?? item.detail ?? item.subjectId;
  if (item.subjectType === 'dossier' && item.dossierId) {
    return (
      <AnchorLink to="/dossiers/$dossierId" params={{ dossierId: item.dossierId }} aria-label={t`Dossier van ${name} openen`}>
        {t`Dossier openen`}
      </AnchorLink>
    );
  }
  if (item.subjectType === 'person' && item.personId) {
    return (
      <AnchorLink to="/persons/$personId" params={{ personId: item.personId }} aria-label={t`Persoon ${name} openen`}>
        {t`Persoon openen`}
      </AnchorLink>
    );
  }
  if (item.subjectType === 'mo-course' && canCourses) {
    return (
      <AnchorLink to="/planning/mo/courses/$courseId" params={{ courseId: item.subjectId }} aria-label={t`Cursus ${name} openen`}>
        {t`Cursus openen`}
      </AnchorLink>
    );
  }
  if (item.subjectType === 'interpreting-request' && canDesk) {
    return <AnchorLink to="/interpreting/desk">{t`Naar de tolkendienst`}</AnchorLink>;
  }
  if (item.dossierId) {
    return (
      <AnchorLink to="/dossiers/$dossierId" params={{ dossierId: item.dossierId }} aria-label={t`Dossier van ${name} openen`}>
        {t`Dossier openen`}
      </AnchorLink>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      {t`Geen pagina voor jouw rol`}
    </Text>
  );
}
