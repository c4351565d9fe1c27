// Edge Config keys allow letters, digits, "_" and "-"; host names have no "_", so mapping "." to
// "_" cannot make two hosts share a key.
export function edgeConfigKey(hostname: string): string {
  return `domain_${hostname.replaceAll('.', '_')}`;
}
