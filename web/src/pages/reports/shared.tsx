import { Loader, NativeSelect, Text } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { intlLocale } from '../../api/interpreting';
import { belgianToday } from '../../api/trajectory';
import { databaseLabel } from '../../reportLabels';
import { formatDateTime } from '../../labels';

/** The earliest year the reports count (server: FIRST_YEAR, the decree of 2013). */
export const FIRST_YEAR = 2013;

/** This year in Belgium. */
export const currentYear = () => Number(belgianToday().slice(0, 4));

/** This month in Belgium (YYYY-MM). */
export const currentMonth = () => belgianToday().slice(0, 7);

/** The month `months` before `month` (YYYY-MM). */
export function monthsBefore(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The years a manager can choose, newest first. */
export function yearOptions(): Array<{ value: string; label: string }> {
  const years: Array<{ value: string; label: string }> = [];
  for (let y = currentYear(); y >= FIRST_YEAR; y--) years.push({ value: String(y), label: String(y) });
  return years;
}

/**
 * Numbers of the figures in the locale's notation: counts, averages (one decimal), shares as
 * percentages (one decimal), months as "jan. 2024".
 */
export function useFigureFormat() {
  const { i18n } = useLingui();
  const locale = intlLocale(i18n.locale);
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percentShort = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    number: (n: number) => integer.format(n),
    decimal: (n: number) => decimal.format(n),
    percent: (fraction: number) => percent.format(fraction),
    percentAxis: (fraction: number) => percentShort.format(fraction),
    month: (yearMonth: string) => {
      const [y, m] = yearMonth.split('-').map(Number);
      return y && m ? monthFormat.format(new Date(Date.UTC(y, m - 1, 1))) : yearMonth;
    },
  };
}

/** A year select (the dashboards' and the data-quality view's). */
export function YearSelect({ value, onChange, label, allowAll }: { value: number | null; onChange: (year: number | null) => void; label?: string; allowAll?: string }) {
  const { t } = useLingui();
  return (
    <NativeSelect
      label={label ?? t`Jaar`}
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
      data={[...(allowAll ? [{ value: '', label: allowAll }] : []), ...yearOptions()]}
      w={180}
      className="kp-no-print"
    />
  );
}

/** "Berekend op … uit de hoofddatabank": when and where the figures were read. */
export function ComputedNote({ generatedAt, database }: { generatedAt?: string | undefined; database: string }) {
  const { t, i18n } = useLingui();
  const where = databaseLabel(i18n, database);
  return (
    <Text size="sm" c="dimmed">
      {generatedAt ? t`Berekend op ${formatDateTime(i18n.locale, generatedAt)} uit ${where}.` : t`Gelezen uit ${where}.`}
    </Text>
  );
}

/** A spinner announced politely while figures load. */
export function Loading({ busy }: { busy: boolean }) {
  const { t } = useLingui();
  return <div aria-live="polite">{busy && <Loader size="sm" aria-label={t`Bezig met laden…`} />}</div>;
}
