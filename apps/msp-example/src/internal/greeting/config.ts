import { variable } from '@msp/runtime';

/** What the greeting reads. */
export const greetingConfig = {
  greeting: variable.string('GREETING', {
    description: 'What GET / says.',
    default: 'Hello from the msp example',
  }),
  publicUrl: variable.url('PUBLIC_URL', {
    description: 'The public URL of the service, shown by GET /.',
    optional: true,
  }),
};
