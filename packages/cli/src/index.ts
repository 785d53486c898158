export { main } from './main.js';
export type { Io } from './main.js';
