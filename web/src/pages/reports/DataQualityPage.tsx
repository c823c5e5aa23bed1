import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { usePermission } from '../../api/queries';
import { useDataQuality, type DataQualityCheck } from '../../api/reports';
import { AnchorLink } from '../../components/Link';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { ComputedNote, Loading, useFigureFormat, YearSelect } from './shared';

/**
 * Data quality: the records that break a counting rule or an identity, check by check, with the
 * rule, the number found and examples that open the record.
 */
export function DataQualityPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`Datakwaliteit`);
  const [year, setYear] = useState<number | null>(null);
  const quality = useDataQuality(year, i18n.locale);
  const checks = quality.data?.checks ?? [];
  const failing = checks.filter((c) => c.count > 0).length;

  return (
    <Stack maw={1100}>
      <Title order={1}>{t`Datakwaliteit`}</Title>
      <Text>{t`Gegevens die een telregel of een identiteit van de rapporten breken. Elke controle zegt welke regel ze nakijkt, hoeveel gegevens hem breken en toont voorbeelden om te verbeteren.`}</Text>
      <Group className="kp-no-print">
        <YearSelect value={year} onChange={setYear} allowAll={t`Alle jaren`} />
      </Group>
      <Loading busy={quality.isFetching} />
      <ProblemAlert error={quality.error} />
      {quality.data && (
        <Text fw={600} aria-live="polite">
          {failing === 0
            ? plural(checks.length, { one: 'De controle is in orde.', other: 'Alle # controles zijn in orde.' })
            : plural(failing, { one: '# controle vindt fouten.', other: '# controles vinden fouten.' })}
        </Text>
      )}
      {checks.map((check) => (
        <CheckCard key={check.id} check={check} />
      ))}
      {quality.data && <ComputedNote database={quality.data.database} />}
    </Stack>
  );
}

function CheckCard({ check }: { check: DataQualityCheck }) {
  const { t } = useLingui();
  const f = useFigureFormat();
  const canCourses = usePermission('mo.course.manage');
  const canDesk = usePermission('interpreting.desk');
  const canDossiers = usePermission('dossier.read');
  const id = `check-${check.id}`;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} size="h4" id={id}>
          {check.title}
        </Title>
        <StatusBadge color={check.count === 0 ? 'green' : 'red'}>
          {check.count === 0 ? t`In orde` : plural(check.count, { one: '# fout', other: '# fouten' })}
        </StatusBadge>
      </Group>
      <Text size="sm" mt="xs">
        <Text span fw={600} size="sm">
          {t`Regel:`}
        </Text>{' '}
        {check.rule}
      </Text>
      {check.examples.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="sm">
            {check.count > check.examples.length ? t`Voorbeelden (${f.number(check.examples.length)} van ${f.number(check.count)})` : t`Gevonden`}
          </Text>
          <List size="sm" spacing={4} mt={4}>
            {check.examples.map((example, index) => (
              <List.Item key={`${example.dossierId ?? example.requestId ?? example.courseId ?? ''}-${index}`}>
                <Group gap="sm" wrap="wrap">
                  <Text span size="sm">
                    {example.detail}
                  </Text>
                  {example.dossierId && canDossiers && (
                    <AnchorLink to="/dossiers/$dossierId" params={{ dossierId: example.dossierId }} aria-label={t`Dossier openen: ${example.detail}`}>
                      {t`Dossier openen`}
                    </AnchorLink>
                  )}
                  {example.courseId && canCourses && (
                    <AnchorLink to="/planning/mo/courses/$courseId" params={{ courseId: example.courseId }} aria-label={t`Cursus openen: ${example.detail}`}>
                      {t`Cursus openen`}
                    </AnchorLink>
                  )}
                  {example.requestId && canDesk && <AnchorLink to="/interpreting/desk">{t`Naar de tolkendienst`}</AnchorLink>}
                  {example.requestId && !canDesk && (
                    <Text span size="sm" c="dimmed">
                      {t`Aanvraag ${example.requestId}`}
                    </Text>
                  )}
                  {example.courseId && !canCourses && (
                    <Text span size="sm" c="dimmed">
                      {t`Cursus ${example.courseId}`}
                    </Text>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Paper>
  );
}
