import { Alert, List, Stack, Text } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, isApiError, newUuid, request } from '../../api/client';
import { trajectoryKeys, type DossierView } from '../../api/trajectory';
import {
  actionLabel,
  digitalLevelLabel,
  missingLabel,
  profileLabel,
  targetGroupCodeLabel,
  targetGroupLabel,
} from '../../trajectoryLabels';
import { AppModal } from '../AppModal';
import { fieldError, ProblemAlert } from '../ProblemAlert';
import { FormButtons } from '../FormButtons';
import { VersionConflictAlert } from '../VersionConflictAlert';
import { useActionSpec } from './actionSpecs';
import { FieldSections, initialValues, isRequired, isVisible, toBody, type FieldValue, type Values } from './fields';

interface ActionModalProps {
  dossier: DossierView;
  action: string | null;
  onClose: () => void;
}

/** The form of one dossier action in a modal; the dialog is named by the action. */
export function ActionModal({ dossier, action, onClose }: ActionModalProps) {
  const { i18n } = useLingui();
  return (
    <AppModal opened={action !== null} onClose={onClose} title={action ? actionLabel(i18n, action) : ''} size="lg">
      {action && <ActionForm key={action} dossier={dossier} action={action} onDone={onClose} />}
    </AppModal>
  );
}

/** A refusal by the rules: the server's translated explanation and the rule it rests on. */
export function RefusalAlert({ error }: { error: ApiError }) {
  const { t, i18n } = useLingui();
  const rule = typeof error.problem.rule === 'string' ? error.problem.rule : '';
  const missing = Array.isArray(error.problem.missing) ? (error.problem.missing as string[]) : [];
  return (
    <Alert color="red" variant="light" role="alert" title={t`De regels laten dit niet toe`} mb="md">
      <Stack gap="xs">
        <Text size="sm">{error.problem.detail ?? error.problem.title}</Text>
        {missing.length > 0 && (
          <List size="sm">
            {missing.map((code) => (
              <List.Item key={code}>{missingLabel(i18n, code)}</List.Item>
            ))}
          </List>
        )}
        {rule && (
          <Text size="sm" fw={600}>
            {t`Regel: ${rule}`}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function ActionForm({ dossier, action, onDone }: { dossier: DossierView; action: string; onDone: () => void }) {
  const { t, i18n } = useLingui();
  const queryClient = useQueryClient();
  const spec = useActionSpec(action, dossier);
  const [values, setValues] = useState<Values>(() => initialValues(spec.sections));
  const [missingFields, setMissingFields] = useState<string[]>([]);

  const run = useMutation({
    mutationFn: async (body: Record<string, unknown>) =>
      (
        await request<DossierView>('POST', `/dossiers/${encodeURIComponent(dossier.id)}/actions/${action}`, {
          body,
          ifMatch: dossier.version,
          idempotencyKey: newUuid(),
        })
      ).data,
    onSuccess: (updated) => {
      queryClient.setQueryData(trajectoryKeys.dossier(updated.id, undefined), updated);
      void queryClient.invalidateQueries({ queryKey: trajectoryKeys.dossierAll(updated.id) });
      void queryClient.invalidateQueries({ queryKey: trajectoryKeys.timeline(updated.id) });
      void queryClient.invalidateQueries({ queryKey: trajectoryKeys.personDossiers(updated.personId) });
      void queryClient.invalidateQueries({ queryKey: ['dossiers', 'caseload'] });
      onDone();
    },
    onError: (error) => {
      // A refusal is journaled: the timeline shows it.
      if (isApiError(error)) void queryClient.invalidateQueries({ queryKey: trajectoryKeys.timeline(dossier.id) });
    },
  });

  const onChange = (name: string, value: FieldValue) => setValues((v) => ({ ...v, [name]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const empty = spec.sections
      .flatMap((s) => s.fields)
      .filter((f) => isVisible(f, values) && isRequired(f, values))
      .filter((f) => {
        const v = values[f.name];
        return f.kind === 'lines' ? String(v ?? '').trim() === '' : typeof v === 'string' && v.trim() === '';
      })
      .map((f) => f.name);
    setMissingFields(empty);
    if (empty.length > 0) return;
    const body = toBody(spec.sections, values);
    run.mutate(spec.transform ? spec.transform(body, values) : body);
  };
  const reload = async () => {
    run.reset();
    await queryClient.refetchQueries({ queryKey: trajectoryKeys.dossierAll(dossier.id) });
  };

  const error = run.error;
  const refusal = isApiError(error, 'rule-violation') ? (error as ApiError) : null;
  const conflict = isApiError(error, 'version-conflict');
  const allFields = spec.sections.flatMap((s) => s.fields.map((f) => f.name));
  const errorFor = (name: string) =>
    missingFields.includes(name) ? t`Vul dit veld in.` : fieldError(error, name);
  const intake = dossier.state.intake;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {action === 'decide-intake' && intake && (
          <Alert color="blue" variant="light" title={t`Voorstel na de trajectbepaling`}>
            <Stack gap={4}>
              <Text size="sm">
                {t`Voorgestelde doelgroep:`} <strong>{targetGroupLabel(i18n, intake.targetGroupProposal.group)}</strong>
              </Text>
              {intake.targetGroupProposal.codes.length > 0 && (
                <>
                  <Text size="sm">{t`Waarom:`}</Text>
                  <List size="sm">
                    {intake.targetGroupProposal.codes.map((code) => (
                      <List.Item key={code}>{targetGroupCodeLabel(i18n, code)}</List.Item>
                    ))}
                  </List>
                </>
              )}
              <Text size="sm">
                {t`Voorgesteld klantprofiel:`} <strong>{profileLabel(i18n, intake.proposedProfileId)}</strong>
              </Text>
              <Text size="sm">
                {t`Digitale vaardigheden:`} {digitalLevelLabel(i18n, intake.digitalSkills.level)}
              </Text>
            </Stack>
          </Alert>
        )}
        {action === 'issue-certificate' && dossier.evaluation.certificate && !dossier.evaluation.certificate.canIssue && (
          <Alert color="yellow" variant="light" title={t`Nog niet alle voorwaarden zijn vervuld`}>
            <List size="sm">
              {dossier.evaluation.certificate.missing.map((code) => (
                <List.Item key={code}>{missingLabel(i18n, code)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {refusal && <RefusalAlert error={refusal} />}
        {conflict && (
          <VersionConflictAlert title={t`Iemand anders heeft dit dossier intussen gewijzigd`} onReload={() => void reload()}>
            {t`Je actie is niet uitgevoerd. Laad de nieuwste versie van het dossier, controleer en probeer opnieuw.`}
          </VersionConflictAlert>
        )}
        {!refusal && !conflict && <ProblemAlert error={error} handledFields={allFields} />}
        {missingFields.length > 0 && (
          <Text c="red.8" size="sm" role="alert">
            {t`Vul de verplichte velden in.`}
          </Text>
        )}
        <FieldSections sections={spec.sections} values={values} onChange={onChange} errorFor={errorFor} />
        <FormButtons submitLabel={actionLabel(i18n, action)} submitting={run.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
