import { Alert, Button, Group, List, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import {
  NOT_ANSWERED_REASONS,
  REQUEST_STATUS_IDS,
  useCandidates,
  useInterpreters,
  useInterpretingRequests,
  useInterpretingWrite,
  type InterpretingRequest,
  type NotAnsweredReason,
  intlLocale,
} from '../../api/interpreting';
import { Facts } from '../../components/Facts';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { WriteProblem } from '../../components/WriteProblem';
import { SuccessNote } from '../../components/nt2/shared';
import {
  channelLabel,
  exclusionLabel,
  languageStatusLabel,
  notAnsweredReasonLabel,
  reasonText,
  requestStatusLabel,
  sectorLabel,
  tableRowLabel,
} from '../../interpretingLabels';
import { AssignmentStatus, RequestStatus, useLanguageName, When } from './shared';

/** The interpreting desk: open requests, the ranked candidates with their reasons, offers and closing. */
export function DeskPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Tolkendienst: aanvragen`);
  const [status, setStatus] = useState('open');
  const requests = useInterpretingRequests(status);
  const languageName = useLanguageName();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { i18n } = useLingui();
  const items = requests.data ?? [];
  const selected = items.find((r) => r.id === selectedId) ?? null;
  return (
    <Stack maw={1300}>
      <Title order={1}>{t`Tolkendienst: aanvragen`}</Title>
      {done && <SuccessNote onClose={() => setDone(null)}>{done}</SuccessNote>}
      <SectionCard id="desk-requests-title" title={t`Aanvragen`}>
        <Stack>
          <NativeSelect
            label={t`Status`}
            maw={260}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={[{ value: '', label: t`Alle` }, ...REQUEST_STATUS_IDS.map((s) => ({ value: s, label: requestStatusLabel(i18n, s) }))]}
          />
          {requests.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
          <WriteProblem error={requests.error} />
          {requests.data && items.length === 0 && <Text>{t`Geen aanvragen met deze status.`}</Text>}
          {items.length > 0 && (
            <ScrollTable minWidth={1000} label={t`Aanvragen voor de tolkendienst`}>
              <ColumnHeads labels={[t`Wanneer`, t`Kanaal`, t`Taal`, t`Onderwerp`, t`Status`, t`Opdracht`, t`Actie`]} />
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id} aria-current={r.id === selectedId ? 'true' : undefined}>
                    <Table.Td>
                      <When request={r} />
                      {r.shortNotice && <Text size="sm">{t`Korte termijn`}</Text>}
                    </Table.Td>
                    <Table.Td>{channelLabel(i18n, r.channel)}</Table.Td>
                    <Table.Td>{languageName(r.language, r.variant)}</Table.Td>
                    <Table.Td>
                      {r.subject}
                      <Text size="sm">
                        {sectorLabel(i18n, r.sector)}
                        {r.sensitive ? ` · ${t`Gevoelig gesprek`}` : ''}
                        {r.ukraineCrisis ? ` · ${t`Crisis Oekraïne`}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <RequestStatus request={r} />
                    </Table.Td>
                    <Table.Td>
                      {r.assignment ? (
                        <Stack gap={4}>
                          <Text size="sm">{r.assignment.interpreterName}</Text>
                          <AssignmentStatus status={r.assignment.status} />
                        </Stack>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant={r.id === selectedId ? 'filled' : 'default'} onClick={() => setSelectedId(r.id)} aria-label={t`Behandelen: ${r.subject}`}>
                        {t`Behandelen`}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Stack>
      </SectionCard>
      {selected && <RequestHandling key={selected.id} request={selected} onDone={setDone} />}
    </Stack>
  );
}

function RequestHandling({ request, onDone }: { request: InterpretingRequest; onDone: (message: string) => void }) {
  const { t, i18n } = useLingui();
  const candidates = useCandidates(request.status === 'open' ? request.id : null);
  const interpreters = useInterpreters();
  const languageName = useLanguageName();
  const [other, setOther] = useState('');
  const [reason, setReason] = useState<NotAnsweredReason>('interpreter-unavailable');
  const offer = useInterpretingWrite<{ interpreterId: string; name: string }, InterpretingRequest>(
    ({ interpreterId }) => ({ path: `/interpreting/requests/${request.id}/offer`, body: { interpreterId } }),
    (_r, input) => onDone(t`De opdracht is aangeboden aan ${input.name}. Zodra de tolk aanvaardt, is de aanvraag toegewezen.`),
  );
  const close = useInterpretingWrite<NotAnsweredReason, InterpretingRequest>(
    (r) => ({ path: `/interpreting/requests/${request.id}/not-answered`, body: { reason: r } }),
    (r) => onDone(t`Aanvraag ${r.subject} afgesloten als niet beantwoord.`),
  );
  const liveOffer = request.assignment?.status === 'offered';
  const excluded = Object.entries(candidates.data?.excluded ?? {}).filter(([, n]) => n > 0);
  const title = t`Aanvraag: ${request.subject}`;
  return (
    <SectionCard id="desk-handling-title" title={title}>
      <Stack>
        <Facts
          rows={[
            [t`Wanneer`, <When key="when" request={request} />],
            [t`Kanaal`, channelLabel(i18n, request.channel)],
            [t`Taal`, languageName(request.language, request.variant)],
            [t`Gevoelig gesprek`, request.sensitive ? t`Ja: alleen gecertificeerde of beëdigde tolken (R-26)` : t`Nee`],
            [t`Status`, <RequestStatus key="status" request={request} />],
            [t`In de tabel`, tableRowLabel(i18n, request.tableRow)],
          ]}
        />
        {liveOffer && request.assignment && (
          <Alert color="blue" variant="light" title={t`Aanbod loopt`}>
            {t`Aangeboden aan ${request.assignment.interpreterName}; wacht op antwoord.`}
          </Alert>
        )}
        <WriteProblem error={offer.error} />
        {request.status === 'open' && (
          <>
            <Title order={3} size="h4" id="candidates-title">
              {t`Kandidaten, best passend eerst`}
            </Title>
            {candidates.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
            <WriteProblem error={candidates.error} />
            {candidates.data && candidates.data.ranked.length === 0 && <Text>{t`Geen enkele tolk voldoet aan de voorwaarden.`}</Text>}
            {candidates.data && candidates.data.ranked.length > 0 && (
              <ScrollTable minWidth={860} label={t`Kandidaten voor ${request.subject}`}>
                <ColumnHeads labels={[t`Plaats`, t`Tolk`, t`Statuut`, t`Score`, t`Waarom`, t`Actie`]} />
                <Table.Tbody>
                  {candidates.data.ranked.map((c, index) => (
                    <Table.Tr key={c.interpreterId}>
                      <Table.Td>{index + 1}</Table.Td>
                      <Table.Th scope="row" fw={400}>
                        {c.name}
                      </Table.Th>
                      <Table.Td>{languageStatusLabel(i18n, c.status)}</Table.Td>
                      <Table.Td>{new Intl.NumberFormat(intlLocale(i18n.locale)).format(c.score)}</Table.Td>
                      <Table.Td>
                        <List size="sm">
                          {c.reasons.map((reason) => (
                            <List.Item key={reason.code}>{reasonText(i18n, reason)}</List.Item>
                          ))}
                        </List>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          disabled={liveOffer}
                          loading={offer.isPending && offer.variables?.interpreterId === c.interpreterId}
                          onClick={() => offer.mutate({ interpreterId: c.interpreterId, name: c.name })}
                          aria-label={t`Aanbieden aan ${c.name}`}
                        >
                          {t`Aanbieden`}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
            )}
            {excluded.length > 0 && (
              <div>
                <Text fw={600} id="excluded-title">
                  {t`Niet in aanmerking`}
                </Text>
                <List size="sm" aria-labelledby="excluded-title">
                  {excluded.map(([code, n]) => (
                    <List.Item key={code}>{t`${exclusionLabel(i18n, code)}: ${n}`}</List.Item>
                  ))}
                </List>
              </div>
            )}
            {!liveOffer && candidates.data && candidates.data.alternatives.length > 0 && (
              <Alert color="yellow" variant="light" title={t`Niemand kan ter plaatse komen`}>
                <List size="sm">
                  {candidates.data.alternatives.map((a) => (
                    <List.Item key={a.channel}>{t`${channelLabel(i18n, a.channel)}: ${a.candidates} kandidaten`}</List.Item>
                  ))}
                </List>
                <Text size="sm" mt="xs">
                  {t`Bespreek met de klant of een telefonische of videotolk kan; de klant dient dan een nieuwe aanvraag in.`}
                </Text>
              </Alert>
            )}
            <Group align="end">
              <NativeSelect
                label={t`Andere tolk uit het register`}
                value={other}
                onChange={(e) => setOther(e.currentTarget.value)}
                data={[{ value: '', label: t`Kies een tolk` }, ...(interpreters.data ?? []).map((i) => ({ value: i.id, label: i.name }))]}
              />
              <Button
                variant="default"
                disabled={!other || liveOffer}
                onClick={() => {
                  const name = interpreters.data?.find((i) => i.id === other)?.name ?? '';
                  offer.mutate({ interpreterId: other, name });
                }}
              >
                {t`Aan deze tolk aanbieden`}
              </Button>
            </Group>
            <WriteProblem error={close.error} />
            <Group align="end">
              <NativeSelect
                label={t`Reden als niemand de aanvraag kan opnemen`}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value as NotAnsweredReason)}
                data={NOT_ANSWERED_REASONS.map((r) => ({ value: r, label: notAnsweredReasonLabel(i18n, r) }))}
              />
              <Button variant="default" loading={close.isPending} onClick={() => close.mutate(reason)}>
                {t`Afsluiten als niet beantwoord`}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </SectionCard>
  );
}
