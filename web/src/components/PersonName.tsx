import { Text } from '@mantine/core';

interface Names {
  givenNames: string;
  familyName: string;
  givenNamesLatin: string | null;
  familyNameLatin: string | null;
}

/** The name as written in its original script (with `dir="auto"`), not translated. */
export function originalName(p: Names): string {
  return `${p.givenNames} ${p.familyName}`.trim();
}

/** The Latin transliteration, when it differs from the original. */
export function latinName(p: Names): string | null {
  if (!p.givenNamesLatin && !p.familyNameLatin) return null;
  const latin = `${p.givenNamesLatin ?? ''} ${p.familyNameLatin ?? ''}`.trim();
  return latin && latin !== originalName(p) ? latin : null;
}

/** Original-script name with its transliteration beneath it. */
export function PersonName({ person, size }: { person: Names; size?: string }) {
  const latin = latinName(person);
  return (
    <>
      <Text component="span" dir="auto" size={size} fw={600} display="block">
        {originalName(person)}
      </Text>
      {latin && (
        <Text component="span" size="sm" display="block">
          {latin}
        </Text>
      )}
    </>
  );
}
