import { Checkbox, Fieldset, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';

/**
 * A small declarative form engine for the dossier actions: each action lists its fields (with dotted
 * names for nested bodies, e.g. `core.correct`), and the engine renders labelled Mantine inputs and
 * turns the values into the JSON body the API expects.
 */

export type FieldValue = string | boolean | string[];
export type Values = Record<string, FieldValue>;

export type FieldKind = 'date' | 'text' | 'textarea' | 'number' | 'boolean' | 'select' | 'tristate' | 'multi' | 'lines';

export interface Option {
  value: string;
  label: string;
}

export interface FieldDef {
  name: string;
  kind: FieldKind;
  label: string;
  description?: string;
  required?: boolean | ((values: Values) => boolean);
  visible?: (values: Values) => boolean;
  options?: Option[];
  initial?: FieldValue;
  /** For selects whose values are numbers. */
  numeric?: boolean;
  /** What an empty optional value becomes: left out (default) or null. */
  emptyAs?: 'omit' | 'null';
  min?: number;
  max?: number;
  step?: number;
  placeholderOption?: string;
}

export interface Section {
  legend?: string;
  fields: FieldDef[];
}

export function initialValues(sections: Section[]): Values {
  const values: Values = {};
  for (const section of sections) {
    for (const f of section.fields) {
      values[f.name] = f.initial ?? (f.kind === 'boolean' ? false : f.kind === 'multi' ? [] : '');
    }
  }
  return values;
}

export const isRequired = (f: FieldDef, values: Values) => (typeof f.required === 'function' ? f.required(values) : f.required === true);
export const isVisible = (f: FieldDef, values: Values) => (f.visible ? f.visible(values) : true);

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

/** The JSON body for the values: hidden fields and empty optional fields are left out. */
export function toBody(sections: Section[], values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const section of sections) {
    for (const f of section.fields) {
      if (!isVisible(f, values)) continue;
      const raw = values[f.name];
      let value: unknown;
      switch (f.kind) {
        case 'boolean':
          value = raw === true;
          break;
        case 'multi':
          value = Array.isArray(raw) ? raw : [];
          break;
        case 'lines':
          value = String(raw ?? '')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean);
          break;
        case 'tristate':
          value = raw === 'true' ? true : raw === 'false' ? false : undefined;
          break;
        default: {
          const text = typeof raw === 'string' ? raw.trim() : '';
          if (text === '') value = f.emptyAs === 'null' ? null : undefined;
          else if (f.kind === 'number' || f.numeric) value = Number(text.replace(',', '.'));
          else value = text;
        }
      }
      if (value !== undefined) setPath(body, f.name, value);
    }
  }
  return body;
}

interface FieldProps {
  field: FieldDef;
  values: Values;
  onChange: (name: string, value: FieldValue) => void;
  error?: string | undefined;
  autoFocus?: boolean;
}

export function Field({ field: f, values, onChange, error, autoFocus }: FieldProps) {
  const { t } = useLingui();
  const required = isRequired(f, values);
  const value = values[f.name];
  const text = typeof value === 'string' ? value : '';
  const common = {
    label: f.label,
    description: f.description,
    required,
    error,
    'data-autofocus': autoFocus ? true : undefined,
  };
  switch (f.kind) {
    case 'boolean':
      return (
        <Checkbox
          label={f.label}
          description={f.description}
          checked={value === true}
          onChange={(e) => onChange(f.name, e.currentTarget.checked)}
          error={error}
          data-autofocus={autoFocus ? true : undefined}
        />
      );
    case 'multi':
      return (
        <Checkbox.Group
          label={f.label}
          description={f.description}
          value={Array.isArray(value) ? value : []}
          onChange={(next) => onChange(f.name, next)}
          error={error}
        >
          <Group mt="xs" gap="md">
            {(f.options ?? []).map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Group>
        </Checkbox.Group>
      );
    case 'select':
    case 'tristate': {
      const options =
        f.kind === 'tristate'
          ? [
              { value: '', label: t`Onbekend` },
              { value: 'true', label: t`Ja` },
              { value: 'false', label: t`Nee` },
            ]
          : [...(f.placeholderOption !== undefined ? [{ value: '', label: f.placeholderOption }] : []), ...(f.options ?? [])];
      return <NativeSelect {...common} data={options} value={text} onChange={(e) => onChange(f.name, e.currentTarget.value)} />;
    }
    case 'textarea':
    case 'lines':
      return <Textarea {...common} autosize minRows={2} maxRows={8} value={text} onChange={(e) => onChange(f.name, e.currentTarget.value)} dir="auto" />;
    case 'number':
      return (
        <TextInput
          {...common}
          type="number"
          inputMode="decimal"
          min={f.min}
          max={f.max}
          step={f.step ?? 1}
          value={text}
          onChange={(e) => onChange(f.name, e.currentTarget.value)}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={(e) => onChange(f.name, e.currentTarget.value)} />;
    default:
      return <TextInput {...common} value={text} onChange={(e) => onChange(f.name, e.currentTarget.value)} dir="auto" />;
  }
}

interface SectionsProps {
  sections: Section[];
  values: Values;
  onChange: (name: string, value: FieldValue) => void;
  errorFor: (name: string) => string | undefined;
}

export function FieldSections({ sections, values, onChange, errorFor }: SectionsProps) {
  let first = true;
  const render = (f: FieldDef) => {
    if (!isVisible(f, values)) return null;
    const autoFocus = first;
    first = false;
    return <Field key={f.name} field={f} values={values} onChange={onChange} error={errorFor(f.name)} autoFocus={autoFocus} />;
  };
  const blocks: ReactNode[] = sections.map((section, i) =>
    section.legend ? (
      <Fieldset key={i} legend={section.legend} variant="filled">
        <Stack gap="sm">{section.fields.map(render)}</Stack>
      </Fieldset>
    ) : (
      <Stack key={i} gap="sm">
        {section.fields.map(render)}
      </Stack>
    ),
  );
  return <Stack gap="md">{blocks}</Stack>;
}
