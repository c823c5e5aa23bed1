import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROBABLE_SAME_NAME_THRESHOLD,
  detectScript,
  isProbableSameName,
  nameSimilarity,
  normalizeForSearch,
  transliterate,
} from './names';

/** Name words in the scripts our clients write in, for property tests on realistic input. */
const NAME_WORDS = [
  'Mohammed', 'Muhammad', 'Ahmad', 'Fatima', 'Zahra', 'Omar', 'Amir', 'Youssef', 'El', 'Amrani',
  'Anna', 'Ivan', 'Petrova', 'Tesfaye', 'Haile', 'Jan', 'Peeters', 'Zoë', 'Müller', "O'Brien",
  'محمد', 'أحمد', 'فاطمة', 'الزهراء', 'عمر', 'حداد', 'Олександр', 'Шевченко', 'Иван', 'ተስፋዬ',
  'ሃይሌ', 'Γιώργος', 'Արամ', 'გიორგი', '张伟', 'وحید', 'Nguyễn',
];
const nameArb = fc
  .array(fc.constantFrom(...NAME_WORDS), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(' '));

describe('names: transliterate keeps a Latin form next to the original script', () => {
  it.each([
    ['Олександр Шевченко', 'Oleksandr Shevchenko'],
    ['ተስፋዬ', 'tesfaye'],
    ['Γιώργος', 'Giorgos'],
    ['Zoë Müller', 'Zoe Muller'],
    ['  Jan \t  Peeters \n', 'Jan Peeters'],
    ['e\u0301cole', 'ecole'], // decomposed input transliterates like precomposed
    ['محمد', 'mhmd'], // Arabic script writes no short vowels
  ])('%j → %j', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });
});

describe('names: normalizeForSearch builds the stored search column and normalises queries', () => {
  it.each([
    ['Zoë Müller-Lüdenscheidt', 'zoe muller ludenscheidt'],
    ["Seán O'Brien", 'sean obrien'],
    ['Séan  O’Brien', 'sean obrien'],
    ['Олександр Шевченко', 'oleksandr shevchenko'],
    ['محمد أحمد', 'mhmd hmd'],
    ['  VAN DEN BERG, Jan  ', 'van den berg jan'],
    ['Jan (2)', 'jan 2'],
    ['!!!', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('is idempotent, so stored values and queries always meet (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), nameArb), (text) => {
        const once = normalizeForSearch(text);
        expect(normalizeForSearch(once)).toBe(once);
      }),
    );
  });

  it('outputs only lower-case ASCII letters, digits and single inner spaces (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), nameArb), (text) => {
        expect(normalizeForSearch(text)).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
      }),
    );
  });
});

describe('names: detectScript reports the dominant script', () => {
  it.each([
    ['Jan Peeters', 'latin'],
    ['Zoë Müller', 'latin'],
    ['محمد أحمد', 'arabic'],
    ['وحید سلطانی', 'arabic'], // Persian uses the Arabic script
    ['Олександр Шевченко', 'cyrillic'],
    ['ተስፋዬ ሃይሌ', 'ethiopic'],
    ['Γιώργος', 'greek'],
    ['Արամ Պետրոսյան', 'armenian'],
    ['გიორგი ბერიძე', 'georgian'],
    ['张伟', 'han'],
    ['שלום', 'other'], // Hebrew is not one of the listed scripts
    ['김민준', 'other'],
    ['', 'other'],
    ['123 - 456', 'other'],
    ['محمد A.', 'arabic'], // a Latin initial does not outweigh the name
  ] as const)('%j → %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });
});

describe('names: nameSimilarity matches one name across scripts and spellings', () => {
  it.each([
    // across scripts
    ['محمد أحمد', 'Mohammed Ahmad'],
    ['Олександр Шевченко', 'Oleksandr Shevchenko'],
    ['Александр Иванов', 'Aleksandr Ivanov'],
    ['ተስፋዬ', 'Tesfaye'],
    ['Fatima Zahra', 'فاطمة الزهراء'],
    ['Omar Haddad', 'عمر حداد'],
    ['Wahid Sultani', 'وحید سلطانی'],
    ['Zahra Ahmadi', 'زهرا احمدی'],
    ['Giorgi Beridze', 'გიორგი ბერიძე'],
    ['Aram Petrosyan', 'Արամ Պետրոսյան'],
    ['Γιώργος Παπαδόπουλος', 'Giorgos Papadopoulos'],
    // transliteration variance of vowels and doubled letters
    ['Mohamed Ahmed', 'Muhammad Ahmad'],
    ['Youssef Amrani', 'Yusuf Amrani'],
    ['Khaled Nasser', 'Chaled Naser'],
    ['Aleksandr Ivanov', 'Alexander Ivanov'],
    ['Volodymyr Kovalenko', 'Wolodymyr Kowalenko'],
    ['Fatimah Zohra', 'Fatima Zahra'],
    ['Aisha', 'Ayesha'],
    ['Sara Tesfaye', 'Sarah Tesfay'],
    ['Nour Hassan', 'Noor Hasan'],
    ['Zoë Müller', 'Zoe Mueller'],
    // token order
    ['Ahmad Mohammed', 'Mohammed Ahmad'],
    ['Peeters Jan', 'Jan Peeters'],
    // missing middle names and split / joined names
    ['Mohammed Ali Ahmad', 'Mohammed Ahmad'],
    ['Mohamed Ali Ahmed', 'Muhammad Ahmad'],
    ['Youssef El Amrani', 'Yusuf Elamrani'],
    ['Abdul Rahman Said', 'Abdulrahman Said'],
    ['Mohammad Reza Ahmadi', 'Mohammadreza Ahmadi'],
    ['Tesfaye Gebre Medhin', 'Tesfaye Gebremedhin'],
  ])('%j ≈ %j', (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(PROBABLE_SAME_NAME_THRESHOLD);
    expect(isProbableSameName(a, b)).toBe(true);
  });
});

describe('names: nameSimilarity keeps different people apart', () => {
  it.each([
    ['Mohammed Ahmad', 'Fatima Zahra'],
    ['Anna Petrova', 'Ivan Petrov'], // relatives sharing a surname
    ['Omar Haddad', 'Amir Haddad'],
    ['Sara Haile', 'Samuel Haile'],
    ['Samir Benali', 'Karim Benali'],
    ['Ahmad Karimi', 'Ahmad Rahimi'],
    ['Jan Peeters', 'Jan Janssens'],
    ['Mohammed Ahmad', 'Mohammed'], // a lone given name is not enough
    ['Mohammed Ahmad', 'Ahmad Mohammed Ali Hassan'], // two unexplained extra names
    ['Олександр Шевченко', 'Oleksandr Kovalenko'],
    ['Jan Peeters', ''],
    ['', ''],
  ])('%j ≠ %j', (a, b) => {
    expect(nameSimilarity(a, b)).toBeLessThan(PROBABLE_SAME_NAME_THRESHOLD);
    expect(isProbableSameName(a, b)).toBe(false);
  });
});

describe('names: nameSimilarity is a well-behaved score (properties)', () => {
  const anyName = fc.oneof(nameArb, fc.string({ unit: 'grapheme', maxLength: 30 }));

  it('identity scores exactly 1 for any name with letters or digits', () => {
    fc.assert(
      fc.property(anyName.filter((n) => normalizeForSearch(n) !== ''), (name) => {
        expect(nameSimilarity(name, name)).toBe(1);
      }),
    );
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        expect(nameSimilarity(a, b)).toBe(nameSimilarity(b, a));
      }),
    );
  });

  it('stays within [0, 1]', () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        const score = nameSimilarity(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('does not depend on token order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...NAME_WORDS), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 3 }),
        (words, shift) => {
          const rotated = [...words.slice(shift % words.length), ...words.slice(0, shift % words.length)];
          expect(nameSimilarity(words.join(' '), rotated.join(' '))).toBe(1);
        },
      ),
    );
  });

  it('isProbableSameName agrees with the named threshold', () => {
    fc.assert(
      fc.property(nameArb, nameArb, (a, b) => {
        expect(isProbableSameName(a, b)).toBe(nameSimilarity(a, b) >= PROBABLE_SAME_NAME_THRESHOLD);
      }),
    );
  });
});
