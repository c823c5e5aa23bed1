import { useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import { ENDONYMS, isLocale, LOCALES, type Locale } from '../i18n';
import { Icon } from './Icon';

/**
 * The language picker: a native select (keyboard, screen reader and phone pickers all know it),
 * each language in its own name and script.
 */
export function LanguagePicker({ value, onChange, busy }: { value: Locale; onChange: (locale: Locale) => void; busy: boolean }) {
  const { t } = useLingui();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>
        <Icon name="globe" />
        <span>{t`Taal`}</span>
        {value === 'en' ? null : (
          // For someone who cannot read the current language: the English word, for screen readers.
          <span className="visually-hidden" lang="en">
            {' '}
            (Language)
          </span>
        )}
      </label>
      <select
        id={id}
        value={value}
        aria-busy={busy || undefined}
        onChange={(event) => {
          const next = event.target.value;
          if (isLocale(next) && next !== value) onChange(next);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {ENDONYMS[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
