import { Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { usePermission } from '../../api/queries';
import { useConversations, usePersonPlacements, useProviders, type ConversationView, type PlacementView } from '../../api/dutch';
import { formatDate, formatDateTime } from '../../labels';
import { adviceTypeLabel, conversationKindLabel } from '../../nt2Labels';
import { ColumnHeads, ScrollTable } from '../ScrollTable';
import { SectionCard } from '../SectionCard';
import { PlanConversationForm } from './PlanConversation';
import { Nt2Problem, OpenConversationLink, PlacementStatusBadge } from './shared';

/** The "NT2" section of a person's page: conversations, placements and a button to plan a conversation. */
export function PersonNt2({ personId }: { personId: string }) {
  const { t } = useLingui();
  const canManage = usePermission('nt2.conversation.manage');
  const conversations = useConversations({ personId }, canManage);
  const placements = usePersonPlacements(personId, canManage);
  const [planning, setPlanning] = useState(false);
  const navigate = useNavigate();
  if (!canManage) return null;
  return (
    <SectionCard
      id="nt2-title"
      title={t`Nederlands leren (NT2)`}
      actions={!planning && <Button onClick={() => setPlanning(true)}>{t`NT2-gesprek plannen`}</Button>}
    >
      <Stack>
        {planning && (
          <PlanConversationForm
            personId={personId}
            onCancel={() => setPlanning(false)}
            onDone={(c) => void navigate({ to: '/nt2/conversations/$conversationId', params: { conversationId: c.id } })}
          />
        )}
        {(conversations.isPending || placements.isPending) && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
        <Nt2Problem error={conversations.error ?? placements.error} />
        {conversations.data && <ConversationTable items={conversations.data} />}
        {placements.data && <PlacementTable items={placements.data} />}
      </Stack>
    </SectionCard>
  );
}

function ConversationTable({ items }: { items: ConversationView[] }) {
  const { t, i18n } = useLingui();
  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        {t`Gesprekken`}
      </Title>
      {items.length === 0 ? (
        <Text>{t`Nog geen NT2-gesprekken.`}</Text>
      ) : (
        <ScrollTable minWidth={560} label={t`NT2-gesprekken van de persoon`}>
          <ColumnHeads labels={[t`Afspraak`, t`Soort`, t`Advies`, t`Gesprek`]} />
          <Table.Tbody>
            {items.map((c) => {
              const when = formatDateTime(i18n.locale, c.startsAt);
              return (
                <Table.Tr key={c.id}>
                  <Table.Td>{when}</Table.Td>
                  <Table.Td>{conversationKindLabel(i18n, c.kind)}</Table.Td>
                  <Table.Td>{c.advice ? adviceTypeLabel(i18n, c.advice.adviceType) : t`Nog geen advies`}</Table.Td>
                  <Table.Td>
                    <OpenConversationLink conversationId={c.id} when={when} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
    </div>
  );
}

function PlacementTable({ items }: { items: PlacementView[] }) {
  const { t } = useLingui();
  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        {t`Toewijzingen en wachtlijsten`}
      </Title>
      {items.length === 0 ? (
        <Text>{t`Nog niet toegewezen aan een cursus en op geen wachtlijst.`}</Text>
      ) : (
        <PlacementRows items={items} />
      )}
    </div>
  );
}

/** A person's placements and waiting entries (the consultant's view). */
export function PlacementRows({ items }: { items: PlacementView[] }) {
  const { t, i18n } = useLingui();
  const providers = useProviders();
  return (
    <ScrollTable minWidth={640} label={t`NT2-toewijzingen`}>
      <ColumnHeads labels={[t`Aanbieder`, t`Advies`, t`Start`, t`Status`, t`Ingeschreven op`]} />
      <Table.Tbody>
        {items.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>{providers.data?.find((x) => x.id === p.providerId)?.name ?? '—'}</Table.Td>
            <Table.Td>{adviceTypeLabel(i18n, p.adviceType)}</Table.Td>
            <Table.Td>{p.startsOn ? formatDate(i18n.locale, p.startsOn) : t`Nog geen startmoment`}</Table.Td>
            <Table.Td>
              <PlacementStatusBadge status={p.status} />
            </Table.Td>
            <Table.Td>{p.enrolledOn ? formatDate(i18n.locale, p.enrolledOn) : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
