import { AppShell, Badge, Burger, Button, Center, Group, Loader, NativeSelect, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useLingui } from '@lingui/react/macro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { api, choosePurpose } from '../api/client';
import { keys, useSession } from '../api/queries';
import { useNotifications } from '../api/trajectory';
import { purposeLabel } from '../labels';
import { LanguageSwitch } from './LanguageSwitch';
import { NavLinkItem } from './Link';
import { ProblemAlert } from './ProblemAlert';
import { Redirect } from './Redirect';

/**
 * Set while signing out on purpose: the sign-in page then gets no `redirect` back to the page the
 * previous user was on (the next user may not be allowed there).
 */
let signingOut = false;
export function resetSigningOut(): void {
  signingOut = false;
}

/** Sign out: ends the session on the server and forgets all cached data. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.delete('/session'),
    onSettled: async () => {
      signingOut = true;
      choosePurpose(null);
      queryClient.removeQueries();
      queryClient.setQueryData(keys.session, null);
      await navigate({ to: '/sign-in' });
    },
  });
}

export function FullPageLoader() {
  const { t } = useLingui();
  return (
    <Center mih="50vh" role="status">
      <Loader aria-hidden />
      <VisuallyHidden>{t`Bezig met laden…`}</VisuallyHidden>
    </Center>
  );
}

/**
 * Sends a guest to the sign-in page, with a way back to the page asked for. The target is fixed on
 * first render: during the navigation this component re-renders with the *new* location.
 */
function RedirectToSignIn() {
  const location = useLocation();
  const search = signingOut || location.pathname === '/sign-in' ? {} : { redirect: location.href };
  return <Redirect to="/sign-in" search={search} />;
}

/** The layout of every signed-in page: header, navigation and main region. Sends guests to sign-in. */
export function AppLayout() {
  const { t, i18n } = useLingui();
  const session = useSession();
  const location = useLocation();
  const signOut = useSignOut();
  const queryClient = useQueryClient();
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  if (session.isPending) return <FullPageLoader />;
  if (session.isError) {
    return (
      <Stack p="xl" component="main" id="main" tabIndex={-1}>
        <ProblemAlert error={session.error} />
        <Button onClick={() => void session.refetch()} w="fit-content">{t`Opnieuw proberen`}</Button>
      </Stack>
    );
  }
  const info = session.data;
  if (!info) return <RedirectToSignIn />;
  if (info.mfaSetupRequired && location.pathname !== '/mfa-setup') return <Redirect to="/mfa-setup" />;

  const purpose = purposeLabel(i18n, info.purpose);
  const changePurpose = (next: string) => {
    choosePurpose(next);
    // Everything read so far was read under the old purpose; read it again under the new one.
    void queryClient.invalidateQueries();
  };
  const can = (permission: string) => info.permissions.includes(permission);
  // The purpose (doelbinding) this session acts under; a choice when the roles allow several.
  const purposeControl =
    info.allowedPurposes.length > 1 ? (
      <NativeSelect
        size="xs"
        label={t`Doel`}
        styles={{ root: { display: 'flex', alignItems: 'center', gap: 6 } }}
        value={info.purpose}
        onChange={(e) => changePurpose(e.currentTarget.value)}
        data={info.allowedPurposes.map((p) => ({ value: p, label: purposeLabel(i18n, p) }))}
      />
    ) : (
      <Text size="sm">{t`Doel: ${purpose}`}</Text>
    );
  const showNav = !info.mfaSetupRequired;

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={showNav ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } } : undefined}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {showNav && (
              <Burger
                opened={navOpen}
                onClick={toggleNav}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpen ? t`Menu sluiten` : t`Menu openen`}
                aria-expanded={navOpen}
                aria-controls="main-navigation"
              />
            )}
            <Text fw={700} size="lg">
              Kruispunt
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            {info.user && (
              <Text size="sm" visibleFrom="md">
                {info.user.displayName}
              </Text>
            )}
            <Group gap="md" wrap="nowrap" visibleFrom={showNav ? 'sm' : undefined}>
              {purposeControl}
              <LanguageSwitch />
            </Group>
            <Button variant="outline" size="compact-sm" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              {t`Afmelden`}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      {showNav && (
        <AppShell.Navbar p="sm" id="main-navigation" aria-label={t`Hoofdnavigatie`}>
          <Stack gap={2} onClick={closeNav}>
            {can('person.read') && (
              <NavLinkItem to="/persons" label={t`Personen zoeken`} activeOptions={{ exact: true, includeSearch: false }} />
            )}
            {can('person.create') && <NavLinkItem to="/persons/new" label={t`Nieuwe persoon`} />}
            {can('dossier.read') && <NavLinkItem to="/caseload" label={t`Caseload`} />}
            {can('dossier.read') && <NotificationsNavLink />}
            {can('mo.waiting-list.read') && (
              <NavLinkItem to="/planning/mo" label={t`Wachtlijst MO`} activeOptions={{ exact: true, includeSearch: false }} />
            )}
            {can('mo.course.manage') && <NavLinkItem to="/planning/mo/courses" label={t`Cursussen MO`} />}
            {can('mo.test.manage') && <NavLinkItem to="/planning/tests" label={t`Testcentra en toetsen`} />}
            {(can('mo.course.manage') || can('dossier.guide')) && <NavLinkItem to="/planning/change-requests" label={t`Wijzigingsaanvragen`} />}
            {can('dossier.guide') && <NavLinkItem to="/participation-activities" label={t`Participatieaanbod`} />}
            {can('nt2.conversation.manage') && (
              <NavLinkItem to="/nt2" label={t`Nederlands leren (NT2)`} activeOptions={{ exact: true, includeSearch: false }} />
            )}
            {can('nt2.provider.manage') && <NavLinkItem to="/nt2/provider" label={t`NT2-aanbod en inbox`} />}
            {can('nt2.needs.read') && <NavLinkItem to="/nt2/needs" label={t`NT2-behoefteplan`} />}
            {can('interpreting.request') && <NavLinkItem to="/interpreting/requests" label={t`Tolkaanvragen`} />}
            {can('interpreting.desk') && <NavLinkItem to="/interpreting/desk" label={t`Tolkendienst: aanvragen`} />}
            {can('interpreting.desk') && <NavLinkItem to="/interpreting/interpreters" label={t`Tolkenregister`} />}
            {can('interpreting.assignment.self') && <NavLinkItem to="/interpreting/portal" label={t`Mijn opdrachten`} />}
            {can('reports.read') && <FiguresNavGroup />}
            {can('user.manage') && <NavLinkItem to="/admin/users" label={t`Gebruikers`} />}
            {can('api-token.manage') && <NavLinkItem to="/admin/api-tokens" label={t`API-sleutels`} />}
            <NavLinkItem to="/sessions" label={t`Mijn sessies`} />
          </Stack>
          {/* On small screens the header has no room: purpose and language live in the menu. */}
          <Stack hiddenFrom="sm" mt="md" gap="sm">
            {purposeControl}
            <LanguageSwitch />
          </Stack>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

/** "Cijfers": the management figures (issue 7) as a labelled group of the navigation. */
function FiguresNavGroup() {
  const { t } = useLingui();
  return (
    <Stack gap={2} role="group" aria-labelledby="nav-figures-title" mt="xs">
      <Text id="nav-figures-title" size="xs" fw={700} tt="uppercase" px="sm" pt={4} c="dimmed">
        {t`Cijfers`}
      </Text>
      <NavLinkItem to="/reports" label={t`Rapporten`} activeOptions={{ exact: true, includeSearch: false }} />
      <NavLinkItem to="/dashboards/mo" label={t`Dashboard MO`} />
      <NavLinkItem to="/dashboards/regions" label={t`Dashboard regio's`} />
      <NavLinkItem to="/dashboards/interpreting" label={t`Dashboard tolken`} />
      <NavLinkItem to="/dashboards/trends" label={t`Trends`} />
      <NavLinkItem to="/reports/data-quality" label={t`Datakwaliteit`} />
    </Stack>
  );
}

/** "Notifications" in the navigation, with the number of unread ones (in words for screen readers). */
function NotificationsNavLink() {
  const { t } = useLingui();
  const notifications = useNotifications();
  const unread = notifications.data?.filter((n) => n.readAt === null).length ?? 0;
  return (
    <NavLinkItem
      to="/notifications"
      label={t`Meldingen`}
      rightSection={
        unread > 0 ? (
          <Badge size="sm" variant="filled" color="blue">
            {unread}
            <VisuallyHidden>{t`ongelezen`}</VisuallyHidden>
          </Badge>
        ) : undefined
      }
    />
  );
}

/** The plain layout of the sign-in page. */
export function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <Stack mih="100vh" gap={0}>
      <Group component="header" justify="space-between" px="md" py="sm">
        <Title order={2} size="h4" component="p">
          Kruispunt
        </Title>
        <LanguageSwitch />
      </Group>
      <Center component="main" id="main" tabIndex={-1} style={{ flex: 1 }} px="md" pb="xl">
        {children}
      </Center>
    </Stack>
  );
}
