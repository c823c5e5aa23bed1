import { Button, Group } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useQueryClient } from '@tanstack/react-query';
import { activateLocale, LOCALES, type Locale } from '../i18n';

function endonym(locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}

/** The language switch (nl/en/fr; French mainly serves the interpreter portal). The choice is kept in localStorage and sent as Accept-Language. */
export function LanguageSwitch() {
  const { t, i18n } = useLingui();
  const queryClient = useQueryClient();
  const choose = (locale: Locale) => {
    if (locale === i18n.locale) return;
    activateLocale(locale, true);
    // Server texts (problem details, language names) depend on Accept-Language.
    void queryClient.invalidateQueries({ queryKey: ['reference'] });
  };
  return (
    <Group gap={4} role="group" aria-label={t`Taal`}>
      {LOCALES.map((locale) => (
        <Button
          key={locale}
          size="compact-sm"
          variant={i18n.locale === locale ? 'filled' : 'subtle'}
          aria-pressed={i18n.locale === locale}
          lang={locale}
          onClick={() => choose(locale)}
        >
          {endonym(locale)}
        </Button>
      ))}
    </Group>
  );
}
