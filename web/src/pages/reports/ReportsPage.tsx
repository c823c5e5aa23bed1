import { Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useReportCatalogue, type ReportListItem } from '../../api/reports';
import { AnchorLink } from '../../components/Link';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { parameterKindLabel, REPORT_THEMES, reportTheme, themeLabel } from '../../reportLabels';
import { Loading } from './shared';

/**
 * The report catalogue: every published table, grouped by theme; those the platform cannot produce
 * are listed too, greyed, with the reason.
 */
export function ReportsPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`Rapporten`);
  const catalogue = useReportCatalogue(i18n.locale);
  const items = catalogue.data ?? [];

  return (
    <Stack maw={1200}>
      <Title order={1}>{t`Rapporten`}</Title>
      <Text>
        {t`De tabellen van het jaarverslag en de Atlas, berekend op het moment zelf uit de dossiers. Kies een rapport, daarna het jaar, de periode of de peildatum. Elk cijfer opent de lijst van dossiers erachter.`}
      </Text>
      <Loading busy={catalogue.isPending} />
      <ProblemAlert error={catalogue.error} />
      {REPORT_THEMES.map((theme) => {
        const reports = items.filter((r) => reportTheme(r.id) === theme);
        if (reports.length === 0) return null;
        const title = themeLabel(i18n, theme);
        return (
          <SectionCard key={theme} id={`theme-${theme}`} title={title}>
            <ScrollTable label={t`Rapporten: ${title}`} minWidth={760}>
              <caption>
                <VisuallyHidden>{t`Rapporten: ${title}`}</VisuallyHidden>
              </caption>
              <ColumnHeads labels={[t`Figuur`, t`Rapport`, t`Keuze`, t`Bron`]} />
              <Table.Tbody>
                {reports.map((r) => (
                  <CatalogueRow key={r.id} report={r} />
                ))}
              </Table.Tbody>
            </ScrollTable>
          </SectionCard>
        );
      })}
    </Stack>
  );
}

function CatalogueRow({ report: r }: { report: ReportListItem }) {
  const { t, i18n } = useLingui();
  const figure = r.figure ?? r.source;
  if (!r.available) {
    return (
      <Table.Tr className="kp-unavailable" style={{ background: 'var(--mantine-color-gray-0)' }}>
        <Table.Td c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {figure}
        </Table.Td>
        <Table.Th scope="row" fw={400} c="dimmed">
          <Text span inherit>
            {r.title}
          </Text>
          <Text size="sm" c="dimmed" fs="italic">
            {t`Niet beschikbaar: ${r.unavailableReason ?? ''}`}
          </Text>
        </Table.Th>
        <Table.Td c="dimmed">—</Table.Td>
        <Table.Td c="dimmed">{r.description}</Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{figure}</Table.Td>
      <Table.Th scope="row" fw={500}>
        <AnchorLink to="/reports/$reportId" params={{ reportId: r.id }}>
          {r.title}
        </AnchorLink>
        {r.filters.length > 0 && (
          <Text size="sm" c="dimmed">
            {t`Met of zonder tijdelijke bescherming (Oekraïne)`}
          </Text>
        )}
      </Table.Th>
      <Table.Td>{r.parameter ? parameterKindLabel(i18n, r.parameter) : '—'}</Table.Td>
      <Table.Td>{r.description}</Table.Td>
    </Table.Tr>
  );
}
