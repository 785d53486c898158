module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'terraform-gen',
};
