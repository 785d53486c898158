import { start } from '@msp/runtime';
import { service } from './service/service.js';

await start(service);
