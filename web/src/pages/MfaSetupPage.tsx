import { Alert, Button, Code, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { homePath, keys, useSession } from '../api/queries';
import type { SessionInfo } from '../api/types';
import type { MfaSetup } from '../api/types';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { useDocumentTitle } from '../components/useDocumentTitle';

/** Set up the TOTP second factor: show the secret and otpauth URI, then confirm with a code. */
export function MfaSetupPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Tweede factor instellen`);
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [code, setCode] = useState('');

  const setup = useMutation({ mutationFn: () => api.post<MfaSetup>('/session/mfa/setup') });
  const confirm = useMutation({
    mutationFn: () => api.post<null>('/session/mfa/confirm', { code: code.trim() }),
    onSuccess: async () => {
      const info = await queryClient.fetchQuery({
        queryKey: keys.session,
        queryFn: () => api.get<SessionInfo>('/session'),
        staleTime: 0,
      });
      await navigate({ to: homePath(info) });
    },
  });

  const required = session.data?.mfaSetupRequired ?? false;
  const alreadyEnabled = session.data?.user?.mfaEnabled ?? false;

  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };

  return (
    <Stack maw={640}>
      <Title order={1}>{t`Tweede factor instellen`}</Title>
      {required && (
        <Alert color="blue" variant="light">
          {t`Je organisatie vraagt een tweede factor. Stel die in voor je verder kunt werken.`}
        </Alert>
      )}
      {alreadyEnabled && !setup.data ? (
        <Text>{t`Je tweede factor is al ingesteld.`}</Text>
      ) : !setup.data ? (
        <>
          <Text>
            {t`Je hebt een authenticator-app nodig (bijvoorbeeld op je smartphone). Kruispunt maakt een geheime sleutel aan die je in de app invoert.`}
          </Text>
          <ProblemAlert error={setup.error} />
          <Button w="fit-content" onClick={() => setup.mutate()} loading={setup.isPending}>
            {t`Geheime sleutel aanmaken`}
          </Button>
        </>
      ) : (
        <Paper withBorder p="lg">
          <Stack>
            <List type="ordered" spacing="sm">
              <List.Item>
                <Text>{t`Voeg in je authenticator-app een account toe met deze geheime sleutel:`}</Text>
                <Code block className="secret-text">
                  {setup.data.secret}
                </Code>
              </List.Item>
              <List.Item>
                <Text>{t`Of gebruik deze otpauth-URI, als je app dat toelaat:`}</Text>
                <Code block className="secret-text">
                  {setup.data.otpauthUri}
                </Code>
              </List.Item>
              <List.Item>
                <Text>{t`Geef hieronder de code die de app toont.`}</Text>
              </List.Item>
            </List>
            <form onSubmit={onConfirm} noValidate>
              <Stack>
                <ProblemAlert error={confirm.error} handledFields={['code']} />
                <TextInput
                  label={t`Verificatiecode`}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={8}
                  required
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  error={fieldError(confirm.error, 'code')}
                  maw={240}
                />
                <Button type="submit" w="fit-content" loading={confirm.isPending}>
                  {t`Bevestigen`}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
