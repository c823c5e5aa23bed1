import { Alert, Button, Checkbox, NativeSelect, Radio, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { usePerson } from '../../api/queries';
import { belgianToday } from '../../api/trajectory';
import {
  APTITUDES,
  calendarUrl,
  CEFR_LEVELS,
  TEST_KIND_IDS,
  useAdviceTypes,
  useConversation,
  useNt2Write,
  usePersonPlacements,
  type Aptitude,
  type Cefr,
  type ConversationView,
  type RecordAdviceInput,
  type RecordTestInput,
  type TestKind,
} from '../../api/dutch';
import { FullPageLoader } from '../../components/AppLayout';
import { Facts } from '../../components/Facts';
import { FormButtons } from '../../components/FormButtons';
import { AnchorLink } from '../../components/Link';
import { PersonName } from '../../components/PersonName';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { PlacementRows } from '../../components/nt2/PersonNt2';
import { PlacementOffer } from '../../components/nt2/PlacementOffer';
import { CalendarLink, Nt2Problem, SuccessNote } from '../../components/nt2/shared';
import { formatDate, formatDateTime, regionLabel } from '../../labels';
import { adviceLength, adviceTypeLabel, aptitudeLabel, conversationKindLabel, targetLevelLabel, testKindLabel } from '../../nt2Labels';

const route = getRouteApi('/_app/nt2/conversations/$conversationId');

/** One NT2 conversation: the appointment, the tests taken, the binding advice and the placement. */
export function ConversationPage() {
  const { t, i18n } = useLingui();
  const { conversationId } = route.useParams();
  const conversation = useConversation(conversationId);
  useDocumentTitle(t`NT2-gesprek`);

  if (conversation.isPending) return <FullPageLoader />;
  if (conversation.isError) {
    return (
      <Stack>
        <Title order={1}>{t`NT2-gesprek`}</Title>
        <ProblemAlert error={conversation.error} />
        <AnchorLink to="/nt2">{t`Terug naar Nederlands leren`}</AnchorLink>
      </Stack>
    );
  }
  const c = conversation.data;
  return (
    <Stack maw={1100}>
      <AnchorLink to="/nt2" size="sm">
        {t`Terug naar Nederlands leren`}
      </AnchorLink>
      <div>
        <Title order={1}>{conversationKindLabel(i18n, c.kind)}</Title>
        <ConversationPerson personId={c.personId} />
      </div>
      <SectionCard id="conversation-title" title={t`Afspraak`}>
        <Facts
          rows={[
            [t`Begin`, formatDateTime(i18n.locale, c.startsAt)],
            [t`Einde`, formatDateTime(i18n.locale, c.endsAt)],
            [t`Locatie`, c.location ?? '—'],
            [t`Werkingsgebied`, c.region ? regionLabel(i18n, c.region) : '—'],
            [t`Tijdelijke bescherming`, c.temporaryProtection ? t`Ja` : t`Nee`],
            [t`Taal-leervermogen`, c.learningAptitude ? aptitudeLabel(i18n, c.learningAptitude) : t`Nog niet bepaald`],
            [t`Notitie`, c.note ?? '—'],
            [
              t`Trajectdossier`,
              c.runningDossierId ? (
                <AnchorLink to="/dossiers/$dossierId" params={{ dossierId: c.runningDossierId }}>{t`Lopend dossier openen`}</AnchorLink>
              ) : (
                t`Geen lopend traject`
              ),
            ],
          ]}
        />
        <Text mt="sm">
          <CalendarLink href={calendarUrl.conversation(c.id)}>{t`Afspraak downloaden voor de agenda (.ics)`}</CalendarLink>
        </Text>
      </SectionCard>
      <TestsSection conversation={c} />
      <AdviceSection conversation={c} />
      {c.advice && <PlacementSection conversation={c} />}
    </Stack>
  );
}

/** Whose conversation it is, linking to the person page. */
function ConversationPerson({ personId }: { personId: string }) {
  const person = usePerson(personId);
  if (!person.data) return null;
  return (
    <AnchorLink to="/persons/$personId" params={{ personId }}>
      <PersonName person={person.data} />
    </AnchorLink>
  );
}

function TestsSection({ conversation: c }: { conversation: ConversationView }) {
  const { t, i18n } = useLingui();
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <SectionCard
      id="tests-title"
      title={t`Afgelegde testen`}
      actions={!adding && <Button variant="light" onClick={() => { setAdding(true); setSaved(false); }}>{t`Test toevoegen`}</Button>}
    >
      <Stack>
        {saved && <SuccessNote onClose={() => setSaved(false)}>{t`De test is geregistreerd.`}</SuccessNote>}
        {c.tests.length === 0 ? (
          <Text>{t`Nog geen testen geregistreerd.`}</Text>
        ) : (
          <ScrollTable minWidth={760} label={t`Afgelegde testen`}>
            <ColumnHeads labels={[t`Test`, t`Datum`, t`Geslaagd`, t`Niveau`, t`Leervermogen`, t`Resultaat`, t`Certificaat`]} />
            <Table.Tbody>
              {c.tests.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{testKindLabel(i18n, x.kind)}</Table.Td>
                  <Table.Td>{formatDate(i18n.locale, x.takenOn)}{x.remote ? ` (${t`op afstand`})` : ''}</Table.Td>
                  <Table.Td>{x.passed === null ? '—' : x.passed ? t`Ja` : t`Nee`}</Table.Td>
                  <Table.Td>{x.level ?? '—'}</Table.Td>
                  <Table.Td>{x.learningAptitude ? aptitudeLabel(i18n, x.learningAptitude) : '—'}</Table.Td>
                  <Table.Td>{x.result ?? '—'}</Table.Td>
                  <Table.Td>{x.certificateIssued ? t`Uitgereikt` : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
        {adding && (
          <TestForm
            conversationId={c.id}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              setSaved(true);
            }}
          />
        )}
      </Stack>
    </SectionCard>
  );
}

const TEST_FIELDS = ['kind', 'takenOn', 'location', 'remote', 'passed', 'level', 'learningAptitude', 'result', 'certificateIssued'];

function TestForm({ conversationId, onDone, onCancel }: { conversationId: string; onDone: () => void; onCancel: () => void }) {
  const { t, i18n } = useLingui();
  const [kind, setKind] = useState<TestKind | ''>('');
  const [takenOn, setTakenOn] = useState(belgianToday());
  const [location, setLocation] = useState('');
  const [remote, setRemote] = useState(false);
  const [passed, setPassed] = useState('');
  const [level, setLevel] = useState('');
  const [aptitude, setAptitude] = useState('');
  const [result, setResult] = useState('');
  const [certificate, setCertificate] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const record = useNt2Write<RecordTestInput, ConversationView>((body) => ({ path: `/nt2/conversations/${encodeURIComponent(conversationId)}/tests`, body }), onDone);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const empty = [!kind && 'kind', !takenOn && 'takenOn'].filter((x): x is string => typeof x === 'string');
    setMissing(empty);
    if (empty.length > 0 || !kind) return;
    record.mutate({
      kind,
      takenOn,
      remote,
      passed: passed === '' ? null : passed === 'true',
      level: level === '' ? null : (level as Cefr),
      certificateIssued: certificate,
      ...(kind === 'covaar' && aptitude ? { learningAptitude: aptitude as Aptitude } : {}),
      ...(location.trim() ? { location: location.trim() } : {}),
      ...(result.trim() ? { result: result.trim() } : {}),
    });
  };
  const required = t`Vul dit veld in.`;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t`Test toevoegen`}>
      <Stack>
        <Title order={3} size="h4">
          {t`Test toevoegen`}
        </Title>
        <Nt2Problem error={record.error} handledFields={TEST_FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t`Test`}
            required
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as TestKind)}
            data={[{ value: '', label: t`Kies…` }, ...TEST_KIND_IDS.map((k) => ({ value: k, label: testKindLabel(i18n, k) }))]}
            error={missing.includes('kind') ? required : fieldError(record.error, 'kind')}
          />
          <TextInput type="date" label={t`Afgelegd op`} required value={takenOn} onChange={(e) => setTakenOn(e.currentTarget.value)} error={missing.includes('takenOn') ? required : fieldError(record.error, 'takenOn')} />
          <NativeSelect
            label={t`Geslaagd`}
            value={passed}
            onChange={(e) => setPassed(e.currentTarget.value)}
            data={[
              { value: '', label: t`Niet van toepassing` },
              { value: 'true', label: t`Ja` },
              { value: 'false', label: t`Nee` },
            ]}
          />
          <NativeSelect
            label={t`Niveau (ERK)`}
            value={level}
            onChange={(e) => setLevel(e.currentTarget.value)}
            data={[{ value: '', label: t`Geen` }, ...CEFR_LEVELS.map((l) => ({ value: l, label: l }))]}
            error={fieldError(record.error, 'level')}
          />
          {kind === 'covaar' && (
            <NativeSelect
              label={t`Taal-leervermogen`}
              value={aptitude}
              onChange={(e) => setAptitude(e.currentTarget.value)}
              data={[{ value: '', label: t`Niet bepaald` }, ...APTITUDES.map((a) => ({ value: a, label: aptitudeLabel(i18n, a) }))]}
              error={fieldError(record.error, 'learningAptitude')}
            />
          )}
          <TextInput label={t`Resultaat of opmerking`} value={result} onChange={(e) => setResult(e.currentTarget.value)} error={fieldError(record.error, 'result')} />
          <TextInput label={t`Locatie`} value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={fieldError(record.error, 'location')} />
        </SimpleGrid>
        <Checkbox label={t`Op afstand afgelegd`} checked={remote} onChange={(e) => setRemote(e.currentTarget.checked)} />
        <Checkbox label={t`Certificaat uitgereikt`} checked={certificate} onChange={(e) => setCertificate(e.currentTarget.checked)} />
        <FormButtons submitLabel={t`Test registreren`} submitting={record.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function AdviceSection({ conversation: c }: { conversation: ConversationView }) {
  const { t, i18n } = useLingui();
  const [justGiven, setJustGiven] = useState(false);
  const a = c.advice;
  return (
    <SectionCard id="advice-title" title={t`Bindend advies`}>
      {justGiven && <SuccessNote onClose={() => setJustGiven(false)}>{t`Het advies is geregistreerd. Wijs de persoon hieronder toe aan een cursus.`}</SuccessNote>}
      {a ? (
        <Facts
          rows={[
            [t`Advies`, adviceTypeLabel(i18n, a.adviceType)],
            [t`Duur`, adviceLength(i18n, a.length)],
            [t`Gegeven op`, formatDate(i18n.locale, a.advisedOn)],
            [t`Werkingsgebied`, a.region ? regionLabel(i18n, a.region) : '—'],
            [t`Notitie`, a.note ?? '—'],
          ]}
        />
      ) : (
        <AdviceForm conversationId={c.id} onDone={() => setJustGiven(true)} />
      )}
    </SectionCard>
  );
}

function AdviceForm({ conversationId, onDone }: { conversationId: string; onDone: () => void }) {
  const { t, i18n } = useLingui();
  const types = useAdviceTypes(i18n.locale);
  const [adviceType, setAdviceType] = useState('');
  const [advisedOn, setAdvisedOn] = useState(belgianToday());
  const [aptitude, setAptitude] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const give = useNt2Write<RecordAdviceInput, ConversationView>((body) => ({ path: `/nt2/conversations/${encodeURIComponent(conversationId)}/advice`, body }), onDone);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const empty = [!adviceType && 'adviceType', !advisedOn && 'advisedOn'].filter((x): x is string => typeof x === 'string');
    setMissing(empty);
    if (empty.length > 0) return;
    give.mutate({
      adviceType: adviceType as RecordAdviceInput['adviceType'],
      advisedOn,
      ...(aptitude ? { learningAptitude: aptitude as Aptitude } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  const required = t`Vul dit veld in.`;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t`Advies geven`}>
      <Stack>
        <Alert color="blue" variant="light" title={t`Eén bindend advies`}>
          {t`Het gesprek eindigt in één advies. Het bindt de onderwijsverstrekker (R-15) en kan achteraf niet meer gewijzigd worden.`}
        </Alert>
        <Nt2Problem error={give.error} handledFields={['adviceType', 'advisedOn', 'learningAptitude', 'note']} />
        {types.isError && <ProblemAlert error={types.error} />}
        <Radio.Group
          label={t`Soort advies`}
          required
          value={adviceType}
          onChange={setAdviceType}
          error={missing.includes('adviceType') ? required : fieldError(give.error, 'adviceType')}
        >
          <Stack gap="xs" mt="xs">
            {types.data?.map((a) => {
              const length = adviceLength(i18n, a.length);
              const description = a.noFollowUp
                ? t`Geen cursus: de persoon wordt niet toegewezen.`
                : a.targetLevel
                  ? t`${length} · doel: ${targetLevelLabel(i18n, a.targetLevel)}`
                  : length;
              return <Radio key={a.id} value={a.id} label={adviceTypeLabel(i18n, a.id)} description={description} />;
            })}
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t`Advies gegeven op`} required value={advisedOn} onChange={(e) => setAdvisedOn(e.currentTarget.value)} error={missing.includes('advisedOn') ? required : fieldError(give.error, 'advisedOn')} />
          <NativeSelect
            label={t`Taal-leervermogen`}
            value={aptitude}
            onChange={(e) => setAptitude(e.currentTarget.value)}
            data={[{ value: '', label: t`Niet bepaald` }, ...APTITUDES.map((x) => ({ value: x, label: aptitudeLabel(i18n, x) }))]}
          />
        </SimpleGrid>
        <Textarea label={t`Notitie bij het advies`} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError(give.error, 'note')} />
        <FormButtons submitLabel={t`Bindend advies geven`} submitting={give.isPending} />
      </Stack>
    </form>
  );
}

function PlacementSection({ conversation: c }: { conversation: ConversationView }) {
  const { t } = useLingui();
  const placements = usePersonPlacements(c.personId);
  const advice = c.advice!;
  return (
    <SectionCard id="placement-title" title={t`Toewijzing aan een cursus`}>
      <Stack>
        <Title order={3} size="h4">
          {t`Huidige toewijzingen`}
        </Title>
        <Nt2Problem error={placements.error} />
        {placements.data && (placements.data.length === 0 ? <Text>{t`Nog niet toegewezen aan een cursus en op geen wachtlijst.`}</Text> : <PlacementRows items={placements.data} />)}
        {advice.adviceType === 'no-follow-up' ? (
          <Text>{t`Het advies is "zonder gevolg": de persoon wordt niet toegewezen aan een cursus.`}</Text>
        ) : (
          <>
            <Title order={3} size="h4">
              {t`Aanbod voor dit advies`}
            </Title>
            <PlacementOffer personId={c.personId} adviceType={advice.adviceType} />
          </>
        )}
      </Stack>
    </SectionCard>
  );
}
