import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, isApiError } from '../../api/client';
import { usePermission } from '../../api/queries';
import { useIdempotentWrite } from '../../api/queryHelpers';
import { formatDateTime } from '../../labels';
import { Facts } from '../Facts';
import { FormButtons } from '../FormButtons';
import { fieldError } from '../ProblemAlert';
import { SectionCard } from '../SectionCard';
import { WriteProblem } from '../WriteProblem';

/** The newcomer's portal languages, each named in itself so the person can point at theirs. */
export const PORTAL_LANGUAGES = [
  ['nl', 'Nederlands'],
  ['en', 'English'],
  ['fr', 'Français'],
  ['ar', 'العربية'],
  ['prs', 'دری'],
  ['ps', 'پښتو'],
  ['ti', 'ትግርኛ'],
  ['uk', 'Українська'],
  ['ru', 'Русский'],
  ['so', 'Soomaali'],
  ['tr', 'Türkçe'],
  ['es', 'Español'],
] as const;

export interface PortalAccount {
  id: string;
  personId: string;
  email: string;
  locale: string;
  oidcLinked: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

const portalKey = (personId: string) => ['persons', personId, 'portal-account'] as const;

/** The portal account of a person, or null when the portal is not opened for them. */
function usePortalAccount(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: portalKey(personId),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<PortalAccount>(`/persons/${encodeURIComponent(personId)}/portal-account`, signal);
      } catch (error) {
        if (isApiError(error, 'not-found')) return null;
        throw error;
      }
    },
    enabled,
  });
}

/** The "Klantenportaal" section of a person's page: open the portal with an e-mail, see its use, close it. */
export function PersonPortal({ personId, defaultEmail }: { personId: string; defaultEmail: string | null }) {
  const { t, i18n } = useLingui();
  const canRead = usePermission('dossier.read');
  const canGuide = usePermission('dossier.guide');
  const account = usePortalAccount(personId, canRead);
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => api.delete(`/persons/${encodeURIComponent(personId)}/portal-account`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: portalKey(personId) }),
  });
  if (!canRead) return null;
  const a = account.data;
  return (
    <SectionCard id="portal-title" title={t`Klantenportaal`}>
      <Stack>
        <WriteProblem error={account.error ?? close.error} />
        {a === null && <Text>{t`Het portaal is nog niet geopend voor deze persoon.`}</Text>}
        {a === null && canGuide && <OpenPortalForm personId={personId} defaultEmail={defaultEmail} />}
        {a && (
          <>
            <Facts
              rows={[
                [t`E-mailadres voor aanmeldcodes`, a.email],
                [t`Taal van het portaal`, PORTAL_LANGUAGES.find(([code]) => code === a.locale)?.[1] ?? a.locale],
                [t`Aangemeld met eID of itsme`, a.oidcLinked ? t`Ja` : t`Nog niet`],
                [t`Laatst aangemeld`, a.lastSignInAt ? formatDateTime(i18n.locale, a.lastSignInAt) : t`Nog nooit`],
              ]}
            />
            {canGuide && (
              <Group>
                <Button variant="default" color="red" onClick={() => close.mutate()} loading={close.isPending}>
                  {t`Portaal sluiten`}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </SectionCard>
  );
}

function OpenPortalForm({ personId, defaultEmail }: { personId: string; defaultEmail: string | null }) {
  const { t } = useLingui();
  const [email, setEmail] = useState(defaultEmail ?? '');
  const [locale, setLocale] = useState('nl');
  const open = useIdempotentWrite<void, PortalAccount>(portalKey(personId), () => ({ path: `/persons/${encodeURIComponent(personId)}/portal-account`, body: { email, locale } }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <WriteProblem error={open.error} handledFields={['email', 'locale']} />
        <TextInput label={t`E-mailadres voor aanmeldcodes`} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError(open.error, 'email')} autoComplete="off" />
        <NativeSelect
          label={t`Taal van het portaal`}
          value={locale}
          onChange={(e) => setLocale(e.currentTarget.value)}
          data={PORTAL_LANGUAGES.map(([value, label]) => ({ value, label }))}
          error={fieldError(open.error, 'locale')}
        />
        <FormButtons submitLabel={t`Portaal openen`} submitting={open.isPending} />
      </Stack>
    </form>
  );
}
