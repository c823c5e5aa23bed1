/** Social interpreting and translation: what the platform may use. */
export { registerInterpretingRoutes } from './routes/interpreting.routes';
export { bottleneckLanguagesIn, publishedTableIn, type BottleneckLanguage, type TableCounts } from './figures';
export { CHANNELS, tableRow, type TableRow } from './rules/stv';
export { bottleneckLanguageSchema, tableCountsSchema } from './interpreting.schema';
