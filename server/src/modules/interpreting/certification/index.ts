/** The training and certification track of social interpreters (WF-17). */
export { registerCertificationRoutes } from './routes/certification.routes';
