import { Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { usePermission } from '../../api/queries';
import type { PersonSummary } from '../../api/types';
import { belgianToday } from '../../api/trajectory';
import { useConversations } from '../../api/dutch';
import { AnchorLink } from '../../components/Link';
import { PersonName } from '../../components/PersonName';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { PersonPicker, PlanConversationForm } from '../../components/nt2/PlanConversation';
import { Nt2Problem, OpenConversationLink } from '../../components/nt2/shared';
import { formatDateTime, regionLabel } from '../../labels';
import { adviceTypeLabel, conversationKindLabel } from '../../nt2Labels';

/** The Dutch-learning consultant's start page: plan a conversation and the conversations planned. */
export function Nt2Page() {
  const { t } = useLingui();
  useDocumentTitle(t`Nederlands leren (NT2)`);
  const canManage = usePermission('nt2.conversation.manage');
  const canReadNeeds = usePermission('nt2.needs.read');
  if (!canManage) {
    return (
      <Stack>
        <Title order={1}>{t`Nederlands leren (NT2)`}</Title>
        <Text>{t`Je hebt geen toegang tot de NT2-gesprekken.`}</Text>
      </Stack>
    );
  }
  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t`Nederlands leren (NT2)`}</Title>
        {canReadNeeds && <AnchorLink to="/nt2/needs">{t`Naar het behoefteplan`}</AnchorLink>}
      </Group>
      <PlanSection />
      <ConversationList />
    </Stack>
  );
}

function PlanSection() {
  const { t } = useLingui();
  const navigate = useNavigate();
  const [person, setPerson] = useState<PersonSummary | null>(null);
  return (
    <SectionCard id="plan-title" title={t`Gesprek plannen`}>
      {person ? (
        <Stack>
          <Group justify="space-between">
            <div>
              <Text size="sm">{t`Gesprek voor`}</Text>
              <PersonName person={person} />
            </div>
            <Button variant="default" onClick={() => setPerson(null)}>
              {t`Andere persoon kiezen`}
            </Button>
          </Group>
          <PlanConversationForm
            personId={person.id}
            onCancel={() => setPerson(null)}
            onDone={(c) => void navigate({ to: '/nt2/conversations/$conversationId', params: { conversationId: c.id } })}
          />
        </Stack>
      ) : (
        <PersonPicker onPick={setPerson} />
      )}
    </SectionCard>
  );
}

function ConversationList() {
  const { t, i18n } = useLingui();
  const [from, setFrom] = useState(belgianToday());
  const conversations = useConversations({ from });
  return (
    <SectionCard id="conversations-title" title={t`Geplande gesprekken`}>
      <Stack>
        <TextInput type="date" label={t`Vanaf`} value={from} onChange={(e) => setFrom(e.currentTarget.value)} maw={220} />
        {conversations.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
        <Nt2Problem error={conversations.error} />
        {conversations.data && conversations.data.length === 0 && <Text>{t`Geen gesprekken gepland vanaf deze dag.`}</Text>}
        {conversations.data && conversations.data.length > 0 && (
          <ScrollTable minWidth={720} label={t`Geplande gesprekken`}>
            <ColumnHeads labels={[t`Afspraak`, t`Soort`, t`Locatie`, t`Werkingsgebied`, t`Advies`, t`Gesprek`]} />
            <Table.Tbody>
              {conversations.data.map((c) => {
                const when = formatDateTime(i18n.locale, c.startsAt);
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td>{when}</Table.Td>
                    <Table.Td>{conversationKindLabel(i18n, c.kind)}</Table.Td>
                    <Table.Td>{c.location ?? '—'}</Table.Td>
                    <Table.Td>{c.region ? regionLabel(i18n, c.region) : '—'}</Table.Td>
                    <Table.Td>
                      {c.advice ? (
                        <StatusBadge color="green">{adviceTypeLabel(i18n, c.advice.adviceType)}</StatusBadge>
                      ) : (
                        <StatusBadge color="gray">{t`Nog geen advies`}</StatusBadge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <OpenConversationLink conversationId={c.id} when={when} />
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
