/** The value at a dotted path of a form (`brand.foundedYear`), undefined where the path stops. */
export function formValue(form: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), form);
}
