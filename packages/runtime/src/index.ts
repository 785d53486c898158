export { CONTRACT_VARIABLES, HEALTHZ_PATH, VERSION_PATH } from '@msp/spec/contract';
export type { HealthCheck, Closer, Lifecycle } from './lifecycle.js';
