/** Custom alert rules. */
import { customAlertID } from '../resolve/names.js';
import type { Rule } from './rule.js';
import { items } from './rule.js';

export const responseCodeRatio: Rule = {
  code: 'response-code-ratio',
  *check({ spec, malformed }) {
    for (const [alert, index] of items(spec.monitoring?.alerts?.responseCodeRatios)) {
      const path = ['monitoring', 'alerts', 'responseCodeRatios', index];
      if (alert.code !== undefined && alert.codeClass !== undefined) {
        yield {
          path: [...path, 'codeClass'],
          at: 'key',
          message:
            'only one of responseCodeRatios[].code or responseCodeRatios[].codeClass should be specified',
        };
      } else if (
        alert.code === undefined &&
        alert.codeClass === undefined &&
        !malformed([...path, 'code']) &&
        !malformed([...path, 'codeClass'])
      ) {
        yield {
          path,
          message: 'one of responseCodeRatios[].code or responseCodeRatios[].codeClass is required',
          hint: 'e.g. codeClass: 5xx',
        };
      }
    }
  },
};

export const duplicateAlert: Rule = {
  code: 'duplicate-alert',
  *check({ spec }) {
    const ids = new Set<string>();
    for (const [alert, index] of items(spec.monitoring?.alerts?.responseCodeRatios)) {
      if (alert.id === undefined) continue;
      if (ids.has(alert.id)) {
        yield {
          path: ['monitoring', 'alerts', 'responseCodeRatios', index, 'id'],
          message: `response code alert IDs must be unique, found duplicate ID: ${alert.id}`,
        };
      }
      ids.add(alert.id);
    }
    const names = new Set<string>();
    for (const [alert, index] of items(spec.monitoring?.alerts?.customAlerts)) {
      if (alert.name === undefined) continue;
      const id = customAlertID(alert.name);
      if (names.has(id)) {
        yield {
          path: ['monitoring', 'alerts', 'customAlerts', index, 'name'],
          message: `custom alert names must be unique, found duplicate name: "${alert.name}" (ID ${id})`,
        };
      }
      names.add(id);
    }
  },
};
