/** Social interpreting and translation: what the platform may use. */
export { registerInterpretingRoutes } from './routes/interpreting.routes';
