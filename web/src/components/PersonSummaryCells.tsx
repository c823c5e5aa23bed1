import { Table } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import type { PersonSummary } from '../api/types';
import { formatDate } from '../labels';
import { AnchorLink } from './Link';
import { PersonName } from './PersonName';

/** The column headers of a person row, wherever persons are listed (search results, duplicates). */
export function PersonSummaryHeaders() {
  const { t } = useLingui();
  return (
    <>
      <Table.Th scope="col">{t`Naam`}</Table.Th>
      <Table.Th scope="col">{t`Geboortedatum`}</Table.Th>
      <Table.Th scope="col">{t`INSZ`}</Table.Th>
      <Table.Th scope="col">{t`Gemeente`}</Table.Th>
    </>
  );
}

/** The cells of one person row: the name (both scripts) links to the person's page. */
export function PersonSummaryCells({ person }: { person: PersonSummary }) {
  const { i18n } = useLingui();
  return (
    <>
      <Table.Td>
        <AnchorLink to="/persons/$personId" params={{ personId: person.id }} underline="always">
          <PersonName person={person} />
        </AnchorLink>
      </Table.Td>
      <Table.Td>{formatDate(i18n.locale, person.birthDate)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{person.inszFormatted ?? ''}</Table.Td>
      <Table.Td>{person.municipalityName ?? ''}</Table.Td>
    </>
  );
}
