import { Checkbox, SimpleGrid } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { ROLES } from '../api/types';
import { roleLabel } from '../labels';

interface Props {
  label: string;
  value: string[];
  onChange: (roles: string[]) => void;
  error?: string;
  required?: boolean;
}

/** The roles multi-select, as a group of checkboxes (a fieldset with a legend). */
export function RoleCheckboxes({ label, value, onChange, error, required }: Props) {
  const { i18n } = useLingui();
  return (
    <Checkbox.Group label={label} value={value} onChange={onChange} error={error} withAsterisk={required}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={roleLabel(i18n, role)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
