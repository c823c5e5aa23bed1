/** The person registry's door: what other modules may use. */
export { registerPersonRoutes } from './routes/persons.routes';
export { registerReferenceRoutes } from './routes/reference.routes';
export { getPerson } from './persons.service';
export { parseInsz } from './rules/insz';
export { regionForMunicipality, findMunicipality } from './rules/regions';
export { personIdentity, personLanguages, personSummary, onPersonChanged, type PersonIdentity, type PersonChangeListener } from './person-identity';
