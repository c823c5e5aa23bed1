import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import { useInterpretingWrite } from '../../api/interpreting';
import { brusselsDateTime } from '../../api/orientation';
import { FormButtons } from '../../components/FormButtons';
import { fieldError } from '../../components/ProblemAlert';
import { WriteProblem } from '../../components/WriteProblem';

/** An absence of an interpreter (desk or the interpreter themself); refused when it overlaps an assignment. */
export function AbsenceForm({ interpreterId, onCancel, onDone }: { interpreterId: string; onCancel?: () => void; onDone: () => void }) {
  const { t } = useLingui();
  const [fromDate, setFromDate] = useState('');
  const [fromTime, setFromTime] = useState('00:00');
  const [toDate, setToDate] = useState('');
  const [toTime, setToTime] = useState('23:59');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const add = useInterpretingWrite<{ startsAt: string; endsAt: string; reason?: string }, unknown>(
    (body) => ({ path: `/interpreting/interpreters/${encodeURIComponent(interpreterId)}/absences`, body }),
    () => {
      setFromDate('');
      setToDate('');
      setReason('');
      onDone();
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const incomplete = !fromDate || !toDate || !fromTime || !toTime;
    setMissing(incomplete);
    if (incomplete) return;
    add.mutate({ startsAt: brusselsDateTime(fromDate, fromTime), endsAt: brusselsDateTime(toDate, toTime), ...(reason.trim() ? { reason: reason.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} aria-label={t`Afwezigheid toevoegen`} noValidate>
      <Stack>
        <WriteProblem error={add.error} handledFields={['endsAt']} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput type="date" label={t`Van (datum)`} required value={fromDate} onChange={(e) => setFromDate(e.currentTarget.value)} error={missing && !fromDate ? t`Kies een datum.` : undefined} />
          <TextInput type="time" label={t`Van (uur)`} required value={fromTime} onChange={(e) => setFromTime(e.currentTarget.value)} />
          <TextInput
            type="date"
            label={t`Tot (datum)`}
            required
            value={toDate}
            onChange={(e) => setToDate(e.currentTarget.value)}
            error={fieldError(add.error, 'endsAt') ?? (missing && !toDate ? t`Kies een datum.` : undefined)}
          />
          <TextInput type="time" label={t`Tot (uur)`} required value={toTime} onChange={(e) => setToTime(e.currentTarget.value)} />
        </SimpleGrid>
        <TextInput label={t`Reden (niet verplicht)`} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={300} />
        <FormButtons submitLabel={t`Afwezigheid opslaan`} submitting={add.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
