/** MO course and test planning: what the platform may use. */
export { registerOrientationRoutes } from './routes/orientation.routes';
export { courseLetterParts, testLetterParts } from './orientation.service';
