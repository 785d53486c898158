// Monorepo only: the end-to-end tests run the built service (`npm run build` first).
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'msp-example',
};
