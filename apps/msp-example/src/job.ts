import { runJob } from '@msp/runtime';
import { job } from './job/job.js';

await runJob(job);
