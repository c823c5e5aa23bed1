import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { keys, useSession, useSessions } from '../api/queries';
import { FullPageLoader, useSignOut } from '../components/AppLayout';
import { ButtonLink } from '../components/Link';
import { ProblemAlert } from '../components/ProblemAlert';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { formatDateTime } from '../labels';
import { ScrollTable } from '../components/ScrollTable';

/** The signed-in user's own sessions (devices), second-factor status and sign-out. */
export function SessionsPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`Mijn sessies`);
  const session = useSession();
  const sessions = useSessions();
  const signOut = useSignOut();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/session/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.sessions }),
  });

  const user = session.data?.user;
  return (
    <Stack maw={1100}>
      <Title order={1}>{t`Mijn sessies`}</Title>
      <Text>{t`Hier zie je waar je aangemeld bent. Meld een sessie af die je niet herkent.`}</Text>
      <ProblemAlert error={sessions.error ?? revoke.error} />
      {sessions.isPending && <FullPageLoader />}
      {sessions.data && (
        <ScrollTable minWidth={800} label={t`Mijn sessies`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t`Browser`}</Table.Th>
              <Table.Th scope="col">{t`IP-adres`}</Table.Th>
              <Table.Th scope="col">{t`Aangemeld op`}</Table.Th>
              <Table.Th scope="col">{t`Laatst actief`}</Table.Th>
              <Table.Th scope="col">{t`Vervalt`}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t`Acties`}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td style={{ maxWidth: '24rem', overflowWrap: 'anywhere' }}>
                  {s.userAgent ?? '—'}
                  {s.current && (
                    <Badge ml="xs" color="blue.9" variant="filled">
                      {t`Deze sessie`}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{s.ip ?? '—'}</Table.Td>
                <Table.Td>{formatDateTime(i18n.locale, s.createdAt)}</Table.Td>
                <Table.Td>{formatDateTime(i18n.locale, s.lastSeenAt)}</Table.Td>
                <Table.Td>{formatDateTime(i18n.locale, s.expiresAt)}</Table.Td>
                <Table.Td>
                  {s.current ? (
                    <Button size="compact-sm" variant="outline" onClick={() => signOut.mutate()} loading={signOut.isPending}>
                      {t`Afmelden`}
                    </Button>
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="outline"
                      color="red.9"
                      loading={revoke.isPending && revoke.variables === s.id}
                      onClick={() => revoke.mutate(s.id)}
                    >
                      {t`Sessie beëindigen`}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          </ScrollTable>
      )}
      {user && (
        <Paper withBorder p="lg">
          <Title order={2} size="h3" mb="sm">
            {t`Tweede factor`}
          </Title>
          {user.mfaEnabled ? (
            <Text>{t`Je meldt je aan met een code uit je authenticator-app.`}</Text>
          ) : (
            <Group>
              <Text>{t`Je hebt nog geen tweede factor ingesteld.`}</Text>
              <ButtonLink to="/mfa-setup" variant="light">
                {t`Tweede factor instellen`}
              </ButtonLink>
            </Group>
          )}
        </Paper>
      )}
    </Stack>
  );
}
