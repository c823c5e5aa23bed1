import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  NativeSelect,
  PasswordInput,
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
import { api, isApiError, newUuid, request } from '../api/client';
import { keys, useOrganisations, usePermission, useSession, useUsers } from '../api/queries';
import type { UiLocale, User } from '../api/types';
import { FullPageLoader } from '../components/AppLayout';
import { AppModal } from '../components/AppModal';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { FormButtons } from '../components/FormButtons';
import { RoleCheckboxes } from '../components/RoleCheckboxes';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { formatDateTime, roleLabel } from '../labels';
import { ScrollTable } from '../components/ScrollTable';

function useLocaleOptions() {
  const { t } = useLingui();
  return [
    { value: 'nl', label: t`Nederlands` },
    { value: 'en', label: t`Engels` },
  ];
}

function isLocked(user: User): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

export function UsersPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`Gebruikers`);
  const allowed = usePermission('user.manage');
  const session = useSession();
  const users = useUsers(allowed);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = users.data?.find((u) => u.id === editingId) ?? null;

  if (session.isPending) return <FullPageLoader />;
  if (!allowed) {
    return (
      <Stack>
        <Title order={1}>{t`Gebruikers`}</Title>
        <Alert color="red" variant="light">{t`Je hebt geen toegang tot het gebruikersbeheer.`}</Alert>
      </Stack>
    );
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t`Gebruikers`}</Title>
        <Button onClick={() => setCreating(true)}>{t`Nieuwe gebruiker`}</Button>
      </Group>
      <ProblemAlert error={users.error} />
      {users.isPending && <FullPageLoader />}
      {users.data && (
        <ScrollTable minWidth={900} label={t`Gebruikers`}>
          <caption>
            <Text size="sm" ta="start">
              {t`Alle gebruikers van je organisaties`}
            </Text>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t`Naam`}</Table.Th>
              <Table.Th scope="col">{t`E-mailadres`}</Table.Th>
              <Table.Th scope="col">{t`Organisatie`}</Table.Th>
              <Table.Th scope="col">{t`Rollen`}</Table.Th>
              <Table.Th scope="col">{t`Status`}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t`Acties`}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((user) => {
              const name = user.displayName;
              return (
                <Table.Tr key={user.id}>
                  <Table.Td>{user.displayName}</Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>{user.organisation.name}</Table.Td>
                  <Table.Td>{user.roles.map((r) => roleLabel(i18n, r)).join(', ')}</Table.Td>
                  <Table.Td miw="10rem">
                    <Group gap={4}>
                      {user.disabled && (
                        <Badge color="gray.8" variant="filled">
                          {t`Uitgeschakeld`}
                        </Badge>
                      )}
                      {isLocked(user) && (
                        <Badge color="red.9" variant="filled">
                          {t`Geblokkeerd`}
                        </Badge>
                      )}
                      {!user.disabled && !isLocked(user) && (
                        <Badge color="teal.9" variant="filled">
                          {t`Actief`}
                        </Badge>
                      )}
                      {user.mfaEnabled && (
                        <Badge color="blue.9" variant="outline">
                          {t`Tweede factor`}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="light" onClick={() => setEditingId(user.id)} aria-label={t`${name} bewerken`}>
                      {t`Bewerken`}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          </ScrollTable>
      )}
      <AppModal opened={creating} onClose={() => setCreating(false)} title={t`Nieuwe gebruiker`} size="lg">
        {creating && <CreateUserForm onDone={() => setCreating(false)} />}
      </AppModal>
      <AppModal opened={editing !== null} onClose={() => setEditingId(null)} title={t`Gebruiker bewerken`} size="lg">
        {editing && <EditUserForm key={editing.id} user={editing} onDone={() => setEditingId(null)} />}
      </AppModal>
    </Stack>
  );
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const localeOptions = useLocaleOptions();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [locale, setLocale] = useState<UiLocale>('nl');
  const [password, setPassword] = useState('');

  const create = useMutation({
    mutationFn: async () =>
      (
        await request<User>('POST', '/users', {
          body: { email: email.trim(), displayName: displayName.trim(), organisationId, roles, password, locale },
          idempotencyKey: newUuid(),
        })
      ).data,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.users });
      onDone();
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const err = (field: string) => fieldError(create.error, field);
  const orgOptions = [
    { value: '', label: t`Kies een organisatie` },
    ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
  ];

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <ProblemAlert
          error={create.error}
          handledFields={['email', 'displayName', 'organisationId', 'roles', 'password', 'locale']}
        />
        <TextInput
          label={t`E-mailadres`}
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={err('email')}
          data-autofocus
        />
        <TextInput
          label={t`Weergavenaam`}
          required
          autoComplete="off"
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={err('displayName')}
        />
        <NativeSelect
          label={t`Organisatie`}
          required
          data={orgOptions}
          value={organisationId}
          onChange={(e) => setOrganisationId(e.currentTarget.value)}
          error={err('organisationId')}
        />
        <RoleCheckboxes label={t`Rollen`} value={roles} onChange={setRoles} error={err('roles')} required />
        <NativeSelect
          label={t`Taal van de gebruiker`}
          data={localeOptions}
          value={locale}
          onChange={(e) => setLocale(e.currentTarget.value as UiLocale)}
          error={err('locale')}
        />
        <PasswordInput
          label={t`Wachtwoord`}
          description={t`Minstens 12 tekens. Geef het wachtwoord veilig door aan de gebruiker.`}
          required
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={err('password')}
          visibilityToggleButtonProps={{ 'aria-label': t`Wachtwoord tonen of verbergen` }}
        />
        <FormButtons submitLabel={t`Gebruiker aanmaken`} submitting={create.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

type UserPatch = Partial<{
  displayName: string;
  roles: string[];
  locale: UiLocale;
  disabled: boolean;
  password: string;
  unlock: true;
  resetMfa: true;
}>;

function EditUserForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t, i18n } = useLingui();
  const queryClient = useQueryClient();
  const localeOptions = useLocaleOptions();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [locale, setLocale] = useState<UiLocale>(user.locale);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const patch = useMutation({
    mutationFn: async ({ body }: { body: UserPatch; message: string; close: boolean }) =>
      api.patch<User>(`/users/${encodeURIComponent(user.id)}`, body, { ifMatch: user.version }),
    onSuccess: async (updated, { message, close }) => {
      queryClient.setQueryData(keys.users, (old: { items: User[] } | undefined) =>
        old ? { items: old.items.map((u) => (u.id === updated.id ? updated : u)) } : old,
      );
      await queryClient.invalidateQueries({ queryKey: keys.users });
      if (close) onDone();
      else setDone(message);
    },
  });
  const conflict = isApiError(patch.error, 'version-conflict');
  const err = (field: string) => fieldError(patch.error, field);
  const lockedUntil = formatDateTime(i18n.locale, user.lockedUntil);

  /** After a version conflict: fetch the latest user and start the form again from it. */
  const reload = async () => {
    patch.reset();
    setDone(null);
    await queryClient.refetchQueries({ queryKey: keys.users });
    const latest = queryClient.getQueryData<{ items: User[] }>(keys.users)?.items.find((u) => u.id === user.id);
    if (latest) {
      setDisplayName(latest.displayName);
      setRoles(latest.roles);
      setLocale(latest.locale);
      setPassword('');
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body: UserPatch = { displayName: displayName.trim(), roles, locale };
    if (password) body.password = password;
    patch.mutate({ body, message: '', close: true });
  };
  const act = (body: UserPatch, message: string) => {
    setDone(null);
    patch.mutate({ body, message, close: false });
  };

  return (
    <Stack>
      <Text>
        {user.email} · {user.organisation.name}
      </Text>
      {done && (
        <Alert color="green" variant="light" role="status">
          {done}
        </Alert>
      )}
      {conflict ? (
        <Alert color="orange" variant="light" role="alert" title={t`Deze gebruiker is intussen gewijzigd`}>
          <Stack gap="xs">
            <Text size="sm">{t`Je wijziging is niet bewaard. Laad de nieuwste gegevens en probeer opnieuw.`}</Text>
            <Button
              w="fit-content"
              variant="default"
              onClick={() => void reload()}
            >
              {t`Nieuwste gegevens laden`}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <ProblemAlert error={patch.error} handledFields={['displayName', 'roles', 'locale', 'password']} />
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput
            label={t`Weergavenaam`}
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={err('displayName')}
            data-autofocus
          />
          <RoleCheckboxes label={t`Rollen`} value={roles} onChange={setRoles} error={err('roles')} required />
          <NativeSelect
            label={t`Taal van de gebruiker`}
            data={localeOptions}
            value={locale}
            onChange={(e) => setLocale(e.currentTarget.value as UiLocale)}
            error={err('locale')}
          />
          <PasswordInput
            label={t`Nieuw wachtwoord`}
            description={t`Laat leeg om het wachtwoord niet te wijzigen.`}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={err('password')}
            visibilityToggleButtonProps={{ 'aria-label': t`Wachtwoord tonen of verbergen` }}
          />
          <Group>
            <Button type="submit" loading={patch.isPending}>
              {t`Bewaren`}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t`Annuleren`}
            </Button>
          </Group>
        </Stack>
      </form>
      <Divider />
      <Title order={3} size="h4">
        {t`Account`}
      </Title>
      {isLocked(user) && <Text size="sm">{t`Geblokkeerd tot ${lockedUntil}`}</Text>}
      <Group>
        {user.disabled ? (
          <Button variant="outline" onClick={() => act({ disabled: false }, t`De gebruiker is weer ingeschakeld.`)}>
            {t`Inschakelen`}
          </Button>
        ) : (
          <Button variant="outline" color="red.9" onClick={() => act({ disabled: true }, t`De gebruiker is uitgeschakeld.`)}>
            {t`Uitschakelen`}
          </Button>
        )}
        {isLocked(user) && (
          <Button variant="outline" onClick={() => act({ unlock: true }, t`De blokkering is opgeheven.`)}>
            {t`Deblokkeren`}
          </Button>
        )}
        {user.mfaEnabled && (
          <Button
            variant="outline"
            color="red.9"
            onClick={() => act({ resetMfa: true }, t`De tweede factor is gewist; de gebruiker stelt een nieuwe in bij het aanmelden.`)}
          >
            {t`Tweede factor resetten`}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
