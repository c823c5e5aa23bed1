import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { User } from '../api/types';
import { PublicLayout } from '../components/AppLayout';
import { ButtonLink } from '../components/Link';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { useDocumentTitle } from '../components/useDocumentTitle';

const route = getRouteApi('/setup');

/** First start: create the first administrator with the one-time link the server printed. */
export function SetupPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Eerste beheerder aanmaken`);
  const { token = '' } = route.useSearch();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');

  const setup = useMutation({
    mutationFn: () =>
      api.post<User>('/setup', { token, email: email.trim(), displayName: displayName.trim(), password }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate();
  };
  const err = (field: string) => fieldError(setup.error, field);

  return (
    <PublicLayout>
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={480}>
        <Stack>
          <Title order={1} size="h2">
            {t`Eerste beheerder aanmaken`}
          </Title>
          {setup.isSuccess ? (
            <>
              <Alert color="green" variant="light" role="status">
                {t`De beheerder is aangemaakt. Je kunt je nu aanmelden.`}
              </Alert>
              <ButtonLink to="/sign-in" w="fit-content">
                {t`Naar aanmelden`}
              </ButtonLink>
            </>
          ) : !token ? (
            <Alert color="red" variant="light">
              {t`Deze pagina werkt alleen met de eenmalige link die de server bij de eerste start toont.`}
            </Alert>
          ) : (
            <form onSubmit={onSubmit} noValidate>
              <Stack>
                <Text>{t`Kruispunt heeft nog geen gebruikers. Maak hier de eerste beheerder aan.`}</Text>
                <ProblemAlert error={setup.error} handledFields={['email', 'displayName', 'password']} />
                <TextInput
                  label={t`E-mailadres`}
                  type="email"
                  autoComplete="username"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={err('email')}
                />
                <TextInput
                  label={t`Weergavenaam`}
                  autoComplete="name"
                  required
                  value={displayName}
                  onChange={(e) => setDisplayName(e.currentTarget.value)}
                  error={err('displayName')}
                />
                <PasswordInput
                  label={t`Wachtwoord`}
                  description={t`Minstens 12 tekens.`}
                  autoComplete="new-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={err('password')}
                  visibilityToggleButtonProps={{ 'aria-label': t`Wachtwoord tonen of verbergen` }}
                />
                <Button type="submit" loading={setup.isPending} w="fit-content">
                  {t`Beheerder aanmaken`}
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </PublicLayout>
  );
}
