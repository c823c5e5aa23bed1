import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, newUuid, request } from '../api/client';
import { keys, useApiTokens, useOrganisations, usePermission } from '../api/queries';
import { PURPOSES, type ApiToken, type IssuedApiToken } from '../api/types';
import { FullPageLoader } from '../components/AppLayout';
import { AppModal } from '../components/AppModal';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { FormButtons } from '../components/FormButtons';
import { RoleCheckboxes } from '../components/RoleCheckboxes';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { formatDateTime, purposeLabel, roleLabel } from '../labels';
import { ScrollTable } from '../components/ScrollTable';

export function ApiTokensPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`API-sleutels`);
  const allowed = usePermission('api-token.manage');
  const tokens = useApiTokens(allowed);
  const organisations = useOrganisations(allowed);
  const queryClient = useQueryClient();
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api-tokens/${encodeURIComponent(id)}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.apiTokens });
      setRevoking(null);
    },
  });

  if (!allowed) {
    return (
      <Stack>
        <Title order={1}>{t`API-sleutels`}</Title>
        <Alert color="red" variant="light">{t`Je hebt geen toegang tot het beheer van API-sleutels.`}</Alert>
      </Stack>
    );
  }
  const orgName = (id: string) => organisations.data?.find((o) => o.id === id)?.name ?? id;
  const revokingName = revoking?.name ?? '';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t`API-sleutels`}</Title>
        <Button onClick={() => setIssuing(true)}>{t`Nieuwe API-sleutel`}</Button>
      </Group>
      <Text>{t`API-sleutels geven partnersystemen toegang tot de API, voor één organisatie en één doel.`}</Text>
      <ProblemAlert error={tokens.error} />
      {tokens.isPending && <FullPageLoader />}
      {tokens.data && tokens.data.length === 0 && <Text>{t`Er zijn nog geen API-sleutels.`}</Text>}
      {tokens.data && tokens.data.length > 0 && (
        <ScrollTable minWidth={900} label={t`API-sleutels`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t`Naam`}</Table.Th>
              <Table.Th scope="col">{t`Organisatie`}</Table.Th>
              <Table.Th scope="col">{t`Doel`}</Table.Th>
              <Table.Th scope="col">{t`Rollen`}</Table.Th>
              <Table.Th scope="col">{t`Aangemaakt`}</Table.Th>
              <Table.Th scope="col">{t`Vervalt`}</Table.Th>
              <Table.Th scope="col">{t`Laatst gebruikt`}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t`Acties`}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((token) => {
              const name = token.name;
              return (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>{orgName(token.organisationId)}</Table.Td>
                  <Table.Td>{purposeLabel(i18n, token.purpose)}</Table.Td>
                  <Table.Td>{token.roles.map((r) => roleLabel(i18n, r)).join(', ')}</Table.Td>
                  <Table.Td>{formatDateTime(i18n.locale, token.createdAt)}</Table.Td>
                  <Table.Td>{token.expiresAt ? formatDateTime(i18n.locale, token.expiresAt) : t`Nooit`}</Table.Td>
                  <Table.Td>{token.lastUsedAt ? formatDateTime(i18n.locale, token.lastUsedAt) : t`Nog niet`}</Table.Td>
                  <Table.Td>
                    {token.revokedAt ? (
                      <Badge color="gray.8" variant="filled">
                        {t`Ingetrokken`}
                      </Badge>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        color="red.9"
                        onClick={() => setRevoking(token)}
                        aria-label={t`${name} intrekken`}
                      >
                        {t`Intrekken`}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          </ScrollTable>
      )}
      <AppModal opened={issuing} onClose={() => setIssuing(false)} title={t`Nieuwe API-sleutel`} size="lg">
        {issuing && <IssueTokenForm onDone={() => setIssuing(false)} />}
      </AppModal>
      <AppModal opened={revoking !== null} onClose={() => setRevoking(null)} title={t`API-sleutel intrekken`}>
        <Stack>
          <Text>{t`Sleutel „${revokingName}” intrekken? Systemen die hem gebruiken krijgen meteen geen toegang meer.`}</Text>
          <ProblemAlert error={revoke.error} />
          <Group>
            <Button color="red.9" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
              {t`Intrekken`}
            </Button>
            <Button variant="default" onClick={() => setRevoking(null)} data-autofocus>
              {t`Annuleren`}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}

function IssueTokenForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useLingui();
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState('');

  const issue = useMutation({
    mutationFn: async () =>
      (
        await request<IssuedApiToken>('POST', '/api-tokens', {
          body: {
            name: name.trim(),
            organisationId,
            purpose,
            roles,
            ...(expiresOn ? { expiresAt: new Date(`${expiresOn}T23:59:59`).toISOString() } : {}),
          },
          idempotencyKey: newUuid(),
        })
      ).data,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.apiTokens }),
  });

  if (issue.data) {
    const secret = issue.data.token;
    return (
      <Stack>
        <Alert color="yellow" variant="light" title={t`Bewaar deze sleutel nu`} role="status">
          {t`De sleutel wordt maar één keer getoond. Geef hem veilig door aan de beheerder van het partnersysteem.`}
        </Alert>
        <Text fw={600}>{t`Geheime sleutel`}</Text>
        <Code block className="secret-text">
          {secret}
        </Code>
        <Group>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button variant="outline" onClick={copy}>
                {copied ? t`Gekopieerd` : t`Kopiëren`}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onDone}>{t`Klaar`}</Button>
        </Group>
      </Stack>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    issue.mutate();
  };
  const err = (field: string) => fieldError(issue.error, field);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <ProblemAlert error={issue.error} handledFields={['name', 'organisationId', 'purpose', 'roles', 'expiresAt']} />
        <TextInput
          label={t`Naam`}
          description={t`Bijvoorbeeld het partnersysteem dat de sleutel gebruikt.`}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={err('name')}
          data-autofocus
        />
        <NativeSelect
          label={t`Organisatie`}
          required
          data={[
            { value: '', label: t`Kies een organisatie` },
            ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
          value={organisationId}
          onChange={(e) => setOrganisationId(e.currentTarget.value)}
          error={err('organisationId')}
        />
        <NativeSelect
          label={t`Doel`}
          required
          data={[
            { value: '', label: t`Kies een doel` },
            ...PURPOSES.map((p) => ({ value: p, label: purposeLabel(i18n, p) })),
          ]}
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value)}
          error={err('purpose')}
        />
        <RoleCheckboxes label={t`Rollen`} value={roles} onChange={setRoles} error={err('roles')} required />
        <TextInput
          label={t`Vervaldatum`}
          description={t`Optioneel. Na deze dag werkt de sleutel niet meer.`}
          type="date"
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.currentTarget.value)}
          error={err('expiresAt')}
        />
        <FormButtons submitLabel={t`Sleutel aanmaken`} submitting={issue.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
