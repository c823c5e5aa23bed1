import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, choosePurpose, isApiError } from '../api/client';
import { homePath, keys, useSession } from '../api/queries';
import type { SessionInfo } from '../api/types';
import type { SignInResponse } from '../api/types';
import { FullPageLoader, PublicLayout, resetSigningOut } from '../components/AppLayout';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { Redirect } from '../components/Redirect';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { activateLocale, hasStoredLocale } from '../i18n';

const route = getRouteApi('/sign-in');

export function SignInPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Aanmelden`);
  const session = useSession();
  const search = route.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [codeNeeded, setCodeNeeded] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  const signIn = useMutation({
    mutationFn: () => {
      choosePurpose(null);
      return api.post<SignInResponse>('/session', {
        email: email.trim(),
        password,
        ...(codeNeeded && totpCode.trim() ? { totpCode: totpCode.trim() } : {}),
      });
    },
    onSuccess: async (result) => {
      resetSigningOut();
      if (!hasStoredLocale()) activateLocale(result.user.locale);
      queryClient.removeQueries();
      const info = await queryClient.fetchQuery({ queryKey: keys.session, queryFn: () => api.get<SessionInfo>('/session') });
      const target = result.mfaSetupRequired ? '/mfa-setup' : (search.redirect ?? homePath(info));
      router.history.replace(target);
    },
    onError: (error) => {
      if (isApiError(error, 'mfa-required') || isApiError(error, 'mfa-invalid')) {
        setCodeNeeded(true);
        setTotpCode('');
      }
    },
  });

  useEffect(() => {
    if (codeNeeded) codeRef.current?.focus();
  }, [codeNeeded, signIn.error]);

  if (session.isPending) return <FullPageLoader />;
  if (session.data && !signIn.isPending && !signIn.isSuccess) {
    return <Redirect to={homePath(session.data)} />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  // "A code is needed" is a step, not a failure: show it as guidance rather than as an error.
  const error = isApiError(signIn.error, 'mfa-required') ? null : signIn.error;

  return (
    <PublicLayout>
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t`Aanmelden bij Kruispunt`}
            </Title>
            <ProblemAlert error={error} handledFields={['email', 'password', 'totpCode']} />
            <TextInput
              label={t`E-mailadres`}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError(signIn.error, 'email')}
            />
            <PasswordInput
              label={t`Wachtwoord`}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldError(signIn.error, 'password')}
              visibilityToggleButtonProps={{ 'aria-label': t`Wachtwoord tonen of verbergen` }}
            />
            {codeNeeded && (
              <>
                <Text size="sm" id="totp-help">
                  {t`Geef de code van zes cijfers uit je authenticator-app.`}
                </Text>
                <TextInput
                  ref={codeRef}
                  label={t`Verificatiecode`}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]*"
                  maxLength={8}
                  required
                  aria-describedby="totp-help"
                  value={totpCode}
                  onChange={(e) => setTotpCode(e.currentTarget.value)}
                  error={fieldError(signIn.error, 'totpCode')}
                />
              </>
            )}
            <Button type="submit" loading={signIn.isPending}>
              {t`Aanmelden`}
            </Button>
          </Stack>
        </form>
      </Paper>
    </PublicLayout>
  );
}
