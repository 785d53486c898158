/**
 * env values are templates in Go syntax with two fields: {{ .ProjectID }} and
 * {{ .ServiceDnsName }}. Anything else between {{ and }} is an error.
 */
export const TEMPLATE_FIELDS = ['ProjectID', 'ServiceDnsName'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

const ACTION = /\{\{-?\s*([^}]*?)\s*-?\}\}/g;

/** Template problems in a value: unknown fields or unbalanced braces. */
export function templateErrors(value: string): string[] {
  const errors: string[] = [];
  for (const match of value.matchAll(ACTION)) {
    const field = (match[1] ?? '').replace(/^\./, '');
    if (
      !(match[1] ?? '').startsWith('.') ||
      !(TEMPLATE_FIELDS as readonly string[]).includes(field)
    ) {
      errors.push(
        `unsupported template "${match[0]}": use {{ .ProjectID }} or {{ .ServiceDnsName }}`,
      );
    }
  }
  const rest = value.replace(ACTION, '');
  if (rest.includes('{{') || rest.includes('}}'))
    errors.push('unbalanced "{{" or "}}" in template');
  return errors;
}

export function usesField(value: string, field: TemplateField): boolean {
  return [...value.matchAll(ACTION)].some((match) => match[1] === `.${field}`);
}

/** Applies the template; call only on values without {@link templateErrors}. */
export function applyTemplate(
  value: string,
  data: Readonly<Record<TemplateField, string>>,
): string {
  return value.replace(
    ACTION,
    (_, field: string) => data[field.replace(/^\./, '') as TemplateField] ?? '',
  );
}
