/** A tenant's name as it appears in a file name: `Harbor Bank` → `harbor-bank`. */
export function tenantSlug(tenant: string): string {
  const slug = tenant
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'tenant' : slug;
}
