import { variable } from '@msp/runtime';

/** What the write-access check reads. */
export const authConfig = {
  apiKey: variable.string('EXAMPLE_API_KEY', {
    description: 'When set, writes need it in the x-api-key header.',
    optional: true,
    sensitive: true,
  }),
};
