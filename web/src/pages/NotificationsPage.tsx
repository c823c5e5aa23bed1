import { Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { trajectoryKeys, useNotifications, type Notification } from '../api/trajectory';
import { AnchorLink } from '../components/Link';
import { ProblemAlert } from '../components/ProblemAlert';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { agencyName, formatDate, formatDateTime } from '../labels';

export function NotificationsPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Meldingen`);
  const notifications = useNotifications();
  return (
    <Stack maw={900}>
      <Title order={1}>{t`Meldingen`}</Title>
      {notifications.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
      <ProblemAlert error={notifications.error} />
      {notifications.data && notifications.data.length === 0 && <Text>{t`Geen meldingen.`}</Text>}
      {notifications.data && notifications.data.length > 0 && (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}>
          {notifications.data.map((n) => (
            <NotificationItem key={n.id} notification={n} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function NotificationItem({ notification: n }: { notification: Notification }) {
  const { t, i18n } = useLingui();
  const queryClient = useQueryClient();
  const markRead = useMutation({
    mutationFn: () => api.post<null>(`/notifications/${encodeURIComponent(n.id)}/read`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trajectoryKeys.notifications }),
  });
  const from = agencyName(String(n.payload.fromAgency ?? ''));
  const date = formatDate(i18n.locale, typeof n.payload.date === 'string' ? n.payload.date : null);
  const reason = typeof n.payload.reason === 'string' ? n.payload.reason : '';
  const unread = n.readAt === null;
  return (
    <Paper component="li" withBorder p="md" style={{ borderInlineStartWidth: unread ? 4 : 1 }}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>
              {n.kind === 'dossier-transferred-in' ? t`Dossier overgedragen van ${from}` : n.kind}
            </Text>
            <Badge variant="light" color={unread ? 'blue' : 'gray'} tt="none">
              {unread ? t`Ongelezen` : t`Gelezen`}
            </Badge>
          </Group>
          {n.kind === 'dossier-transferred-in' && (
            <Text size="sm">{t`Overgedragen op ${date}. Reden: ${reason}`}</Text>
          )}
          <Text size="xs" c="dimmed">
            {formatDateTime(i18n.locale, n.createdAt)}
          </Text>
          {n.dossierId && (
            <AnchorLink to="/dossiers/$dossierId" params={{ dossierId: n.dossierId }} size="sm">
              {t`Dossier openen`}
            </AnchorLink>
          )}
        </Stack>
        {unread && (
          <Button size="xs" variant="default" onClick={() => markRead.mutate()} loading={markRead.isPending}>
            {t`Markeren als gelezen`}
          </Button>
        )}
      </Group>
      <ProblemAlert error={markRead.error} />
    </Paper>
  );
}
