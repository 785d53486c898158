import { applyTemplate, templateErrors, usesField } from './env-template.js';

const data = { ProjectID: 'svc-dev-ab12', ServiceDnsName: 'svc.example.com' };

describe('env templates', () => {
  it.each([
    ['{{ .ProjectID }}', 'svc-dev-ab12'],
    ['https://{{.ServiceDnsName}}/x', 'https://svc.example.com/x'],
    ['{{- .ProjectID -}}-bucket', 'svc-dev-ab12-bucket'],
    ['plain', 'plain'],
  ])('applies %s', (value, expected) => {
    expect(templateErrors(value)).toEqual([]);
    expect(applyTemplate(value, data)).toBe(expected);
  });

  it.each(['{{ .ProjectId }}', '{{ env "HOME" }}', '{{ .ProjectID', 'a }} b'])(
    'rejects %s',
    (value) => {
      expect(templateErrors(value)).not.toEqual([]);
    },
  );

  it('knows which fields a value uses', () => {
    expect(usesField('x {{ .ServiceDnsName }}', 'ServiceDnsName')).toBe(true);
    expect(usesField('x {{ .ProjectID }}', 'ServiceDnsName')).toBe(false);
  });
});
