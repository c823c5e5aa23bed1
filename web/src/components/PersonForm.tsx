import { Fieldset, Group, MultiSelect, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useLanguages, useMunicipalities } from '../api/queries';
import type { Person, PersonInput, Sex } from '../api/types';
import { COUNTRY_CODES } from '../countries';
import { countryName, sexLabel } from '../labels';
import { fieldError, ProblemAlert } from './ProblemAlert';
import { FormButtons } from './FormButtons';

interface FormState {
  givenNames: string;
  familyName: string;
  givenNamesLatin: string;
  familyNameLatin: string;
  insz: string;
  birthDate: string;
  sex: '' | Sex;
  motherTongue: string | null;
  contactLanguages: string[];
  nationality: string | null;
  street: string;
  houseNumber: string;
  box: string;
  postalCode: string;
  municipalityNis: string | null;
  phone: string;
  email: string;
}

function initialState(person: Person | null): FormState {
  return {
    givenNames: person?.givenNames ?? '',
    familyName: person?.familyName ?? '',
    givenNamesLatin: person?.givenNamesLatin ?? '',
    familyNameLatin: person?.familyNameLatin ?? '',
    insz: person?.inszFormatted ?? person?.insz ?? '',
    birthDate: person?.birthDate ?? '',
    sex: person?.sex ?? '',
    motherTongue: person?.motherTongue ?? null,
    contactLanguages: person?.contactLanguages ?? [],
    nationality: person?.nationality ?? null,
    street: person?.address?.street ?? '',
    houseNumber: person?.address?.houseNumber ?? '',
    box: person?.address?.box ?? '',
    postalCode: person?.address?.postalCode ?? '',
    municipalityNis: person?.address?.municipalityNis ?? null,
    phone: person?.phone ?? '',
    email: person?.email ?? '',
  };
}

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** INSZ as typed ("85.07.30-033.28") → digits only; anything else is sent as is for the server to judge. */
function normaliseInsz(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^[\d\s.\-/]+$/.test(trimmed) ? trimmed.replace(/\D/g, '') : trimmed;
}

function toInput(s: FormState): PersonInput {
  const hasAddress =
    [s.street, s.houseNumber, s.box, s.postalCode].some((v) => v.trim() !== '') || s.municipalityNis !== null;
  const input: PersonInput = {
    givenNames: s.givenNames.trim(),
    familyName: s.familyName.trim(),
    insz: normaliseInsz(s.insz),
    birthDate: blankToNull(s.birthDate),
    sex: s.sex === '' ? null : s.sex,
    motherTongue: s.motherTongue,
    contactLanguages: s.contactLanguages,
    nationality: s.nationality,
    address: hasAddress
      ? {
          street: s.street.trim(),
          houseNumber: s.houseNumber.trim(),
          box: blankToNull(s.box),
          postalCode: s.postalCode.trim(),
          municipalityNis: s.municipalityNis ?? '',
        }
      : null,
    phone: blankToNull(s.phone),
    email: blankToNull(s.email),
  };
  // Latin transliterations are optional: when left empty, the server derives them from the names.
  if (s.givenNamesLatin.trim()) input.givenNamesLatin = s.givenNamesLatin.trim();
  if (s.familyNameLatin.trim()) input.familyNameLatin = s.familyNameLatin.trim();
  return input;
}

/** The fields of a PATCH: only what differs from the person as loaded (so the audit log says what changed). */
export function changedFields(person: Person, input: PersonInput): Partial<PersonInput> {
  const before = toInput(initialState(person)) as unknown as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) changes[key] = value;
  }
  return changes as Partial<PersonInput>;
}

/** Fields whose errors are shown beside their input (others go into the alert above the form). */
const FIELDS = [
  'givenNames',
  'familyName',
  'givenNamesLatin',
  'familyNameLatin',
  'insz',
  'birthDate',
  'sex',
  'motherTongue',
  'contactLanguages',
  'nationality',
  'address',
  'address.street',
  'address.houseNumber',
  'address.box',
  'address.postalCode',
  'address.municipalityNis',
  'phone',
  'email',
] as const;

interface PersonFormProps {
  person: Person | null;
  submitLabel: string;
  submitting: boolean;
  error: unknown;
  onSubmit: (input: PersonInput) => void;
  onCancel?: () => void;
  /** Shown between the error alert and the fields (e.g. duplicate candidates). */
  notice?: ReactNode;
}

/** The person form, for "new person" and for editing. Field errors from the API appear beside the fields. */
export function PersonForm({ person, submitLabel, submitting, error, onSubmit, onCancel, notice }: PersonFormProps) {
  const { t, i18n } = useLingui();
  const [state, setState] = useState<FormState>(() => initialState(person));
  const municipalities = useMunicipalities();
  const languages = useLanguages(i18n.locale);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const err = (field: string) => fieldError(error, field);

  const languageOptions = useMemo(
    () =>
      (languages.data ?? [])
        .map((l) => ({ value: l.code, label: `${l.name} (${l.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.locale)),
    [languages.data, i18n.locale],
  );
  const countryOptions = useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ value: code, label: countryName(i18n.locale, code) })).sort((a, b) =>
        a.label.localeCompare(b.label, i18n.locale),
      ),
    [i18n.locale],
  );
  const municipalityOptions = useMemo(() => {
    const all = municipalities.data ?? [];
    const pc = state.postalCode.trim();
    const matching = pc.length === 4 ? all.filter((m) => m.postalCodes.includes(pc)) : [];
    const list = matching.length > 0 ? matching : all;
    return list
      .map((m) => ({
        value: m.nisCode,
        label: `${m.nameFr && m.nameFr !== m.name ? `${m.name} / ${m.nameFr}` : m.name} (${m.postalCodes.join(', ')})`,
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  }, [municipalities.data, state.postalCode]);

  const onPostalCode = (value: string) => {
    setState((s) => {
      const next = { ...s, postalCode: value };
      const pc = value.trim();
      if (pc.length === 4 && municipalities.data) {
        const matching = municipalities.data.filter((m) => m.postalCodes.includes(pc));
        if (matching.length === 1) next.municipalityNis = matching[0]!.nisCode;
      }
      return next;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(toInput(state));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={error} handledFields={FIELDS} />
        {notice}
        <Fieldset legend={t`Naam`}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t`Voornamen`}
              required
              dir="auto"
              autoComplete="off"
              value={state.givenNames}
              onChange={(e) => set('givenNames', e.currentTarget.value)}
              error={err('givenNames')}
            />
            <TextInput
              label={t`Familienaam`}
              required
              dir="auto"
              autoComplete="off"
              value={state.familyName}
              onChange={(e) => set('familyName', e.currentTarget.value)}
              error={err('familyName')}
            />
            <TextInput
              label={t`Voornamen in Latijns schrift`}
              description={t`Leeg laten om automatisch te translitereren.`}
              autoComplete="off"
              value={state.givenNamesLatin}
              onChange={(e) => set('givenNamesLatin', e.currentTarget.value)}
              error={err('givenNamesLatin')}
            />
            <TextInput
              label={t`Familienaam in Latijns schrift`}
              description={t`Leeg laten om automatisch te translitereren.`}
              autoComplete="off"
              value={state.familyNameLatin}
              onChange={(e) => set('familyNameLatin', e.currentTarget.value)}
              error={err('familyNameLatin')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t`Identificatie`}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t`INSZ (rijksregister- of bisnummer)`}
              description={t`11 cijfers, bijvoorbeeld 85.07.30-033.28`}
              inputMode="numeric"
              autoComplete="off"
              value={state.insz}
              onChange={(e) => set('insz', e.currentTarget.value)}
              error={err('insz')}
            />
            <TextInput
              label={t`Geboortedatum`}
              type="date"
              value={state.birthDate}
              onChange={(e) => set('birthDate', e.currentTarget.value)}
              error={err('birthDate')}
            />
            <Radio.Group
              label={t`Geslacht`}
              value={state.sex}
              onChange={(v) => set('sex', v as FormState['sex'])}
              error={err('sex')}
            >
              <Group mt="xs">
                <Radio value="" label={t`Niet opgegeven`} />
                <Radio value="female" label={sexLabel(i18n, 'female')} />
                <Radio value="male" label={sexLabel(i18n, 'male')} />
                <Radio value="x" label={sexLabel(i18n, 'x')} />
              </Group>
            </Radio.Group>
            <Select
              label={t`Nationaliteit`}
              searchable
              clearable
              data={countryOptions}
              value={state.nationality}
              onChange={(v) => set('nationality', v)}
              nothingFoundMessage={t`Geen land gevonden`}
              error={err('nationality')}
              limit={60}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t`Talen`}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t`Moedertaal`}
              searchable
              clearable
              data={languageOptions}
              value={state.motherTongue}
              onChange={(v) => set('motherTongue', v)}
              nothingFoundMessage={t`Geen taal gevonden`}
              error={err('motherTongue')}
              limit={60}
            />
            <MultiSelect
              label={t`Contacttalen`}
              searchable
              clearable
              data={languageOptions}
              value={state.contactLanguages}
              onChange={(v) => set('contactLanguages', v)}
              nothingFoundMessage={t`Geen taal gevonden`}
              error={err('contactLanguages')}
              limit={60}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t`Adres`}>
          {err('address') && (
            <Text c="red.8" size="sm" mb="xs">
              {err('address')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t`Straat`}
              autoComplete="off"
              value={state.street}
              onChange={(e) => set('street', e.currentTarget.value)}
              error={err('address.street')}
            />
            <TextInput
              label={t`Huisnummer`}
              autoComplete="off"
              value={state.houseNumber}
              onChange={(e) => set('houseNumber', e.currentTarget.value)}
              error={err('address.houseNumber')}
            />
            <TextInput
              label={t`Bus`}
              autoComplete="off"
              value={state.box}
              onChange={(e) => set('box', e.currentTarget.value)}
              error={err('address.box')}
            />
            <TextInput
              label={t`Postcode`}
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              value={state.postalCode}
              onChange={(e) => onPostalCode(e.currentTarget.value)}
              error={err('address.postalCode')}
            />
            <Select
              label={t`Gemeente`}
              description={t`Uit de officiële lijst; een postcode beperkt de keuze.`}
              searchable
              clearable
              data={municipalityOptions}
              value={state.municipalityNis}
              onChange={(v) => set('municipalityNis', v)}
              nothingFoundMessage={t`Geen gemeente gevonden`}
              error={err('address.municipalityNis')}
              limit={60}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t`Contactgegevens`}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t`Telefoon`}
              type="tel"
              autoComplete="off"
              value={state.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
              error={err('phone')}
            />
            <TextInput
              label={t`E-mailadres`}
              type="email"
              autoComplete="off"
              value={state.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={err('email')}
            />
          </SimpleGrid>
        </Fieldset>

        <FormButtons submitLabel={submitLabel} submitting={submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
