import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newUuid, request } from '../../api/client';
import { moKeys } from '../../api/orientation';
import { useLanguages } from '../../api/queries';
import { regionLabel } from '../../labels';
import { MO_REGIONS } from '../../planningLabels';

/** The name of a language code in the current locale, with the code: "Tigrinya (ti)". */
export function useLanguageName(): (code: string) => string {
  const { i18n } = useLingui();
  const languages = useLanguages(i18n.locale);
  return (code: string) => {
    const found = languages.data?.find((l) => l.code === code);
    return found ? `${found.name} (${code})` : code;
  };
}

/** The languages as select options, by name. */
export function useLanguageOptions(): Array<{ value: string; label: string }> {
  const { i18n } = useLingui();
  const languages = useLanguages(i18n.locale);
  return (languages.data ?? []).map((l) => ({ value: l.code, label: `${l.name} (${l.code})` }));
}

/** A native select of the MO regions, with an optional empty first option. */
export function RegionSelect({ emptyLabel, ...props }: Omit<NativeSelectProps, 'data'> & { emptyLabel?: string }) {
  const { i18n } = useLingui();
  return (
    <NativeSelect
      {...props}
      data={[...(emptyLabel !== undefined ? [{ value: '', label: emptyLabel }] : []), ...MO_REGIONS.map((r) => ({ value: r, label: regionLabel(i18n, r) }))]}
    />
  );
}

export interface MoWrite {
  method?: 'POST' | 'PUT';
  path: string;
  body?: unknown;
}

/**
 * A write to the MO planning API; each POST carries a fresh Idempotency-Key, so a retried request is
 * not done twice. On success every MO query is read again (figures, lists and the course change together).
 */
export function useMoWrite<TResult = unknown>(onDone?: (result: TResult) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ method = 'POST', path, body = {} }: MoWrite) =>
      (await request<TResult>(method, path, { body, ...(method === 'POST' ? { idempotencyKey: newUuid() } : {}) })).data,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: moKeys.all });
      onDone?.(result);
    },
  });
}

/** The error of a planning write (the same for every module's writes). */
export { WriteProblem } from '../WriteProblem';
