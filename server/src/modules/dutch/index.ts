/** The Dutch (NT2) module's door: what the platform and other modules may use. */
export { registerDutchRoutes } from './routes/dutch.routes';
export { ADVICE_TYPES, PROVIDER_KINDS, type AdviceType } from './rules/advice';
export { CONVERSATION_KINDS, TEST_KINDS } from './dutch.schema';
