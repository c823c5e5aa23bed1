/**
 * The rows the demo population writes, table by table, in the shapes the platform's own services
 * write (snake_case keys are the column names). Generation appends; writer.ts empties the buffers
 * into the database month by month, parents before children. ('dossier_updates' are the final
 * states of dossiers written earlier; the interpreting year goes through the module's own bulk load.)
 */

/** Who recorded something: a (fictitious) staff member and the purpose they acted under. */
export interface Actor {
  userId: string;
  purpose: string;
}

export type Row = Record<string, unknown>;

/** Tables in the order they are written: a row's references are always written before it. */
export const TABLE_ORDER = [
  'organisations',
  'users',
  'persons',
  'person_search_terms',
  'dossiers',
  'certificates',
  'journal_entries',
  'test_centres',
  'test_slots',
  'test_bookings',
  'mo_courses',
  'mo_sessions',
  'mo_enrolments',
  'mo_attendance',
  'nt2_modules',
  'nt2_start_moments',
  'nt2_conversations',
  'nt2_tests',
  'nt2_advices',
  'nt2_placements',
  'nt2_results',
  'dossier_updates',
] as const;
export type TableName = (typeof TABLE_ORDER)[number];

/** Buffers of rows not yet written, and how many of each were made in all. */
export class RowSink {
  private buffers = new Map<TableName, Row[]>();
  readonly counts = new Map<TableName, number>();

  add(table: TableName, row: Row): void {
    let buffer = this.buffers.get(table);
    if (!buffer) this.buffers.set(table, (buffer = []));
    buffer.push(row);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
  }

  /** Takes every buffered row, in TABLE_ORDER, and starts new buffers. */
  drain(): Array<[TableName, Row[]]> {
    const taken = TABLE_ORDER.flatMap((table) => {
      const rows = this.buffers.get(table);
      return rows?.length ? [[table, rows] as [TableName, Row[]]] : [];
    });
    this.buffers = new Map();
    return taken;
  }

  get pending(): number {
    let n = 0;
    for (const rows of this.buffers.values()) n += rows.length;
    return n;
  }
}
