import { Button, Loader, Stack, Table, Text } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { isApiError, newUuid, request } from '../../api/client';
import { usePermission } from '../../api/queries';
import { belgianToday, trajectoryKeys, usePersonDossiers, type DossierView } from '../../api/trajectory';
import { formatDate } from '../../labels';
import { channelLabel, closureReasonLabel, dossierStatusLabel, SIGN_UP_CHANNELS, targetGroupLabel } from '../../trajectoryLabels';
import { FormButtons } from '../FormButtons';
import { SectionCard } from '../SectionCard';
import { OpenDossierLink } from './OpenDossierLink';
import { fieldError } from '../ProblemAlert';
import { ColumnHeads, ScrollTable } from '../ScrollTable';
import { RefusalAlert } from './ActionModal';
import { FieldSections, initialValues, toBody, type FieldValue, type Section, type Values } from './fields';
import { ProblemAlert } from '../ProblemAlert';
import type { ApiError } from '../../api/client';

/** The "Trajectory" section of a person's page: their dossiers and, when none runs, the sign-up. */
export function PersonDossiers({ personId, merged }: { personId: string; merged: boolean }) {
  const { t, i18n } = useLingui();
  const canRead = usePermission('dossier.read');
  const canSignUp = usePermission('dossier.intake');
  const dossiers = usePersonDossiers(personId, canRead);
  const [signingUp, setSigningUp] = useState(false);
  if (!canRead) return null;
  const running = dossiers.data?.some((d) => d.status !== 'closed' && d.status !== 'transferred') ?? false;
  return (
    <SectionCard
      id="trajectory-title"
      title={t`Inburgeringstraject`}
      actions={
        dossiers.isSuccess && !running && canSignUp && !merged && !signingUp && (
          <Button onClick={() => setSigningUp(true)}>{t`Aanmelden voor een traject`}</Button>
        )
      }
    >
      {dossiers.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
      <ProblemAlert error={dossiers.error} />
      {dossiers.data && dossiers.data.length === 0 && !signingUp && <Text>{t`Deze persoon heeft nog geen trajectdossier.`}</Text>}
      {dossiers.data && dossiers.data.length > 0 && (
        <ScrollTable minWidth={640} label={t`Trajectdossiers`}>
          <ColumnHeads labels={[t`Aangemeld op`, t`Status`, t`Doelgroep`, t`Contract`, t`Dossier`]} />
          <Table.Tbody>
            {dossiers.data.map((d) => {
              const signedUp = formatDate(i18n.locale, d.signedUpOn);
              return (
                <Table.Tr key={d.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{signedUp}</Table.Td>
                  <Table.Td>
                    {dossierStatusLabel(i18n, d.status)}
                    {d.closure ? ` (${closureReasonLabel(i18n, d.closure.reason)}, ${formatDate(i18n.locale, d.closure.date)})` : ''}
                  </Table.Td>
                  <Table.Td>{d.targetGroup ? targetGroupLabel(i18n, d.targetGroup) : t`Nog niet bepaald`}</Table.Td>
                  <Table.Td>{d.contractSignedOn ? formatDate(i18n.locale, d.contractSignedOn) : '—'}</Table.Td>
                  <Table.Td>
                    <OpenDossierLink dossierId={d.id} label={t`Dossier van ${signedUp} openen`} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
      {signingUp && <SignUpForm personId={personId} onCancel={() => setSigningUp(false)} />}
    </SectionCard>
  );
}

function SignUpForm({ personId, onCancel }: { personId: string; onCancel: () => void }) {
  const { t, i18n } = useLingui();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sections: Section[] = [
    {
      legend: t`Aanmelding`,
      fields: [
        { name: 'date', kind: 'date', label: t`Datum van aanmelding`, required: true, initial: belgianToday() },
        {
          name: 'channel',
          kind: 'select',
          label: t`Kanaal`,
          required: true,
          placeholderOption: t`Kies…`,
          options: SIGN_UP_CHANNELS.map((c) => ({ value: c, label: channelLabel(i18n, c) })),
        },
        {
          name: 'referrer',
          kind: 'text',
          label: t`Verwijzer`,
          description: t`De partnerorganisatie die de persoon doorverwees.`,
          required: true,
          visible: (v) => v.channel === 'partner-referral',
        },
        {
          name: 'letterSentOn',
          kind: 'date',
          label: t`Uitnodigingsbrief verstuurd op`,
          description: t`Optioneel. Start de termijn om zich aan te melden.`,
        },
      ],
    },
  ];
  const [values, setValues] = useState<Values>(() => initialValues(sections));
  const [missing, setMissing] = useState<string[]>([]);
  const signUp = useMutation({
    mutationFn: async (body: Record<string, unknown>) =>
      (await request<DossierView>('POST', `/persons/${encodeURIComponent(personId)}/dossiers`, { body, idempotencyKey: newUuid() })).data,
    onSuccess: async (dossier) => {
      queryClient.setQueryData(trajectoryKeys.dossier(dossier.id, undefined), dossier);
      void queryClient.invalidateQueries({ queryKey: trajectoryKeys.personDossiers(personId) });
      void queryClient.invalidateQueries({ queryKey: ['dossiers', 'caseload'] });
      await navigate({ to: '/dossiers/$dossierId', params: { dossierId: dossier.id } });
    },
  });
  const onChange = (name: string, value: FieldValue) => setValues((v) => ({ ...v, [name]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const empty = ['date', 'channel', ...(values.channel === 'partner-referral' ? ['referrer'] : [])].filter(
      (name) => String(values[name] ?? '').trim() === '',
    );
    setMissing(empty);
    if (empty.length === 0) signUp.mutate(toBody(sections, values));
  };
  const refusal = isApiError(signUp.error, 'rule-violation') ? (signUp.error as ApiError) : null;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack mt="md">
        {refusal ? <RefusalAlert error={refusal} /> : <ProblemAlert error={signUp.error} handledFields={['date', 'channel', 'referrer', 'letterSentOn']} />}
        <FieldSections
          sections={sections}
          values={values}
          onChange={onChange}
          errorFor={(name) => (missing.includes(name) ? t`Vul dit veld in.` : fieldError(signUp.error, name))}
        />
        <FormButtons submitLabel={t`Aanmelding registreren`} submitting={signUp.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
