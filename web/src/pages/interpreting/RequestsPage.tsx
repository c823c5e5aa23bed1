import { Button, Group, Loader, NativeSelect, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import {
  CHANNEL_IDS,
  INTERPRETING_REGIONS,
  SECTOR_IDS,
  useInterpretingRequests,
  useInterpretingWrite,
  type Channel,
  type CreateRequestInput,
  type InterpretingRequest,
  type Sector,
} from '../../api/interpreting';
import { useLanguages } from '../../api/queries';
import { brusselsDateTime } from '../../api/orientation';
import { AppModal } from '../../components/AppModal';
import { FormButtons } from '../../components/FormButtons';
import { fieldError } from '../../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { WriteProblem } from '../../components/WriteProblem';
import { SuccessNote } from '../../components/nt2/shared';
import { channelLabel, outcomeLabel, requestStatusLabel, sectorLabel, tableRowLabel } from '../../interpretingLabels';
import { regionLabel } from '../../labels';
import { belgianToday, RequestStatus, useLanguageName, When } from './shared';

/** The customer organisation's view: request interpreting or a translation, follow and cancel the requests. */
export function RequestsPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Tolkaanvragen`);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack maw={1200}>
      <Title order={1}>{t`Tolkaanvragen`}</Title>
      {done && <SuccessNote onClose={() => setDone(null)}>{done}</SuccessNote>}
      <RequestForm onDone={setDone} />
      <RequestList onDone={setDone} />
    </Stack>
  );
}

type YesNo = 'yes' | 'no' | '';

function RequestForm({ onDone }: { onDone: (message: string) => void }) {
  const { t, i18n } = useLingui();
  const languages = useLanguages(i18n.locale);
  const [channel, setChannel] = useState<Channel>('on-site');
  const [language, setLanguage] = useState('');
  const [variant, setVariant] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [minutes, setMinutes] = useState('60');
  const [deadline, setDeadline] = useState('');
  const [document, setDocument] = useState('');
  const [street, setStreet] = useState('');
  const [houseNumber, setHouseNumber] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [region, setRegion] = useState('');
  const [sector, setSector] = useState<Sector | ''>('');
  const [subject, setSubject] = useState('');
  const [sensitive, setSensitive] = useState<YesNo>('');
  const [ukraine, setUkraine] = useState<YesNo>('no');
  const [missing, setMissing] = useState(false);

  const create = useInterpretingWrite<CreateRequestInput, InterpretingRequest>(
    (body) => ({ path: '/interpreting/requests', body }),
    (r) => {
      onDone(t`Je aanvraag (${r.subject}) is ingediend. De dienst zoekt een tolk.`);
      setSubject('');
      setVariant('');
      setMissing(false);
    },
  );
  const err = (field: string) => fieldError(create.error, field);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const translation = channel === 'translation';
    const incomplete =
      !language ||
      !sector ||
      subject.trim().length < 2 ||
      sensitive === '' ||
      (translation ? !deadline : !date || !time || !minutes) ||
      (channel === 'on-site' && (!street || !houseNumber || !postalCode || !municipality));
    setMissing(incomplete);
    if (incomplete || !sector) return;
    const body: CreateRequestInput = {
      channel,
      language,
      variant: variant.trim(),
      sector,
      subject: subject.trim(),
      sensitive: sensitive === 'yes',
      ukraineCrisis: ukraine === 'yes',
      ...(translation
        ? { deadline, ...(document.trim() ? { document: document.trim() } : {}) }
        : { startsAt: brusselsDateTime(date, time), expectedMinutes: Number(minutes) }),
      ...(channel === 'on-site' ? { address: { street: street.trim(), houseNumber: houseNumber.trim(), postalCode: postalCode.trim(), municipality: municipality.trim() } } : {}),
      ...(region ? { region: region as NonNullable<CreateRequestInput['region']> } : {}),
    };
    create.mutate(body);
  };

  const handled = ['channel', 'language', 'variant', 'startsAt', 'expectedMinutes', 'deadline', 'document', 'address', 'sector', 'subject', 'sensitive'];
  return (
    <SectionCard id="request-form-title" title={t`Tolk of vertaling aanvragen`}>
      <form onSubmit={submit} aria-labelledby="request-form-title" noValidate>
        <Stack>
          <WriteProblem error={create.error} handledFields={handled} />
          {missing && (
            <Text c="red.8" size="sm" role="alert">
              {t`Vul de verplichte velden in.`}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t`Kanaal`}
              required
              value={channel}
              onChange={(e) => setChannel(e.currentTarget.value as Channel)}
              data={CHANNEL_IDS.map((c) => ({ value: c, label: channelLabel(i18n, c) }))}
              error={err('channel')}
            />
            <NativeSelect
              label={t`Taal`}
              required
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
              data={[{ value: '', label: t`Kies een taal` }, ...(languages.data ?? []).map((l) => ({ value: l.code, label: l.name }))]}
              error={err('language') ?? (missing && !language ? t`Kies een taal.` : undefined)}
            />
            <TextInput
              label={t`Variant of dialect`}
              description={t`Bijvoorbeeld Levantijns of Marokkaans Arabisch. Leeg laten als de variant niet uitmaakt.`}
              value={variant}
              onChange={(e) => setVariant(e.currentTarget.value)}
              maxLength={40}
              error={err('variant')}
            />
          </SimpleGrid>
          {channel === 'translation' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="date"
                label={t`Nodig tegen`}
                required
                min={belgianToday()}
                value={deadline}
                onChange={(e) => setDeadline(e.currentTarget.value)}
                error={err('deadline') ?? (missing && !deadline ? t`Kies een datum.` : undefined)}
              />
              <TextInput label={t`Te vertalen document`} value={document} onChange={(e) => setDocument(e.currentTarget.value)} maxLength={300} error={err('document')} />
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                type="date"
                label={t`Datum`}
                required
                min={belgianToday()}
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
                error={err('startsAt') ?? (missing && !date ? t`Kies een datum.` : undefined)}
              />
              <TextInput type="time" label={t`Beginuur`} required value={time} onChange={(e) => setTime(e.currentTarget.value)} error={missing && !time ? t`Kies een uur.` : undefined} />
              <TextInput
                type="number"
                label={t`Verwachte duur (minuten)`}
                required
                min={15}
                max={480}
                step={15}
                value={minutes}
                onChange={(e) => setMinutes(e.currentTarget.value)}
                error={err('expectedMinutes')}
              />
            </SimpleGrid>
          )}
          {channel === 'on-site' && (
            <fieldset style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
              <Text component="legend" fw={600} mb="xs">
                {t`Adres van de opdracht`}
              </Text>
              {err('address') && (
                <Text c="red.8" size="sm" role="alert">
                  {err('address')}
                </Text>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t`Straat`} required value={street} onChange={(e) => setStreet(e.currentTarget.value)} />
                <TextInput label={t`Huisnummer`} required value={houseNumber} onChange={(e) => setHouseNumber(e.currentTarget.value)} />
                <TextInput label={t`Postcode`} required inputMode="numeric" value={postalCode} onChange={(e) => setPostalCode(e.currentTarget.value)} />
                <TextInput label={t`Gemeente`} required value={municipality} onChange={(e) => setMunicipality(e.currentTarget.value)} />
                <NativeSelect
                  label={t`Regio`}
                  value={region}
                  onChange={(e) => setRegion(e.currentTarget.value)}
                  data={[{ value: '', label: t`Onbekend` }, ...INTERPRETING_REGIONS.map((r) => ({ value: r, label: regionLabel(i18n, r) }))]}
                />
              </SimpleGrid>
            </fieldset>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t`Sector`}
              required
              value={sector}
              onChange={(e) => setSector(e.currentTarget.value as Sector | '')}
              data={[{ value: '', label: t`Kies een sector` }, ...SECTOR_IDS.map((s) => ({ value: s, label: sectorLabel(i18n, s) }))]}
              error={err('sector') ?? (missing && !sector ? t`Kies een sector.` : undefined)}
            />
            <TextInput
              label={t`Onderwerp van het gesprek`}
              required
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              maxLength={300}
              error={err('subject') ?? (missing && subject.trim().length < 2 ? t`Vul het onderwerp in.` : undefined)}
            />
          </SimpleGrid>
          <Radio.Group
            label={t`Gevoelig gesprek?`}
            description={t`Voor een gevoelig gesprek (bijvoorbeeld over gezondheid, geweld of een beslissing over iemands verblijf) zetten we altijd een gecertificeerde of beëdigde tolk in.`}
            required
            value={sensitive}
            onChange={(v) => setSensitive(v as YesNo)}
            error={missing && sensitive === '' ? t`Kies ja of nee.` : undefined}
          >
            <Group mt="xs">
              <Radio value="yes" label={t`Ja, gevoelig`} />
              <Radio value="no" label={t`Nee, routinegesprek`} />
            </Group>
          </Radio.Group>
          <Radio.Group
            label={t`Gaat het om de crisis in Oekraïne?`}
            description={t`Voor ontheemden uit Oekraïne wordt de opdracht in de gefinancierde periode niet aangerekend.`}
            value={ukraine}
            onChange={(v) => setUkraine(v as YesNo)}
          >
            <Group mt="xs">
              <Radio value="yes" label={t`Ja`} />
              <Radio value="no" label={t`Nee`} />
            </Group>
          </Radio.Group>
          <FormButtons submitLabel={t`Aanvraag indienen`} submitting={create.isPending} />
        </Stack>
      </form>
    </SectionCard>
  );
}

function RequestList({ onDone }: { onDone: (message: string) => void }) {
  const { t, i18n } = useLingui();
  const [status, setStatus] = useState('');
  const requests = useInterpretingRequests(status);
  const languageName = useLanguageName();
  const [cancelling, setCancelling] = useState<InterpretingRequest | null>(null);
  const items = requests.data ?? [];
  return (
    <SectionCard id="request-list-title" title={t`Aanvragen van je organisatie`}>
      <Stack>
        <NativeSelect
          label={t`Status`}
          maw={260}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[{ value: '', label: t`Alle` }, ...(['open', 'assigned', 'completed', 'not-completed', 'not-answered'] as const).map((s) => ({ value: s, label: requestStatusLabel(i18n, s) }))]}
        />
        {requests.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
        <WriteProblem error={requests.error} />
        {requests.data && items.length === 0 && <Text>{t`Nog geen aanvragen.`}</Text>}
        {items.length > 0 && (
          <ScrollTable minWidth={980} label={t`Aanvragen`}>
            <ColumnHeads labels={[t`Wanneer`, t`Kanaal`, t`Taal`, t`Onderwerp`, t`Status`, t`In de tabel`, t`Tolk`, t`Actie`]} />
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <When request={r} />
                  </Table.Td>
                  <Table.Td>{channelLabel(i18n, r.channel)}</Table.Td>
                  <Table.Td>{languageName(r.language, r.variant)}</Table.Td>
                  <Table.Td>
                    {r.subject}
                    {r.sensitive && <Text size="sm">{t`Gevoelig gesprek`}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <RequestStatus request={r} />
                  </Table.Td>
                  <Table.Td>{tableRowLabel(i18n, r.tableRow)}</Table.Td>
                  <Table.Td>{r.assignment && r.assignment.status === 'accepted' ? r.assignment.interpreterName : '—'}</Table.Td>
                  <Table.Td>
                    {(r.status === 'open' || r.status === 'assigned') && (
                      <Button size="compact-sm" variant="default" onClick={() => setCancelling(r)} aria-label={t`Aanvraag ${r.subject} annuleren`}>
                        {t`Annuleren`}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
      <AppModal opened={cancelling !== null} onClose={() => setCancelling(null)} title={cancelling ? t`Aanvraag ${cancelling.subject} annuleren` : ''}>
        {cancelling && (
          <CancelForm
            request={cancelling}
            onCancel={() => setCancelling(null)}
            onDone={(r) => {
              setCancelling(null);
              const outcome = r.outcome ? outcomeLabel(i18n, r.outcome) : '';
              onDone(t`Aanvraag ${r.subject} geannuleerd: ${outcome}.`);
            }}
          />
        )}
      </AppModal>
    </SectionCard>
  );
}


function CancelForm({ request, onCancel, onDone }: { request: InterpretingRequest; onCancel: () => void; onDone: (r: InterpretingRequest) => void }) {
  const { t } = useLingui();
  const cancel = useInterpretingWrite<void, InterpretingRequest>(() => ({ path: `/interpreting/requests/${request.id}/cancel`, body: {} }), (r) => onDone(r));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        cancel.mutate();
      }}
      aria-label={t`Annulering bevestigen`}
    >
      <Stack>
        <WriteProblem error={cancel.error} />
        <Text size="sm">
          {t`Kosteloos annuleren kan tot 10 uur op de werkdag vóór de opdracht. Daarna is de annulering laattijdig en wordt een annulatiekost aangerekend, als een tolk de opdracht al aanvaard had.`}
        </Text>
        <FormButtons submitLabel={t`Aanvraag annuleren`} submitting={cancel.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
