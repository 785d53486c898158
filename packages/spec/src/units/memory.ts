/** Kubernetes-style memory quantities with binary units, as Cloud Run takes them. */
const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

export const MIB = 1024 ** 2;
export const GIB = 1024 ** 3;

/** Bytes in a quantity such as `512Mi` or `1.5Gi`; undefined when it cannot be read. */
export function parseMemory(quantity: string): number | undefined {
  const match = /^([0-9]+(?:\.[0-9]+)?)(Ki|Mi|Gi|Ti)?$/.exec(quantity);
  if (match === null) return undefined;
  const scale = UNITS[match[2] ?? ''];
  return scale === undefined ? undefined : Math.round(Number(match[1]) * scale);
}
