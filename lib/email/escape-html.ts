// Makes a value safe to place in HTML text or a double- or single-quoted attribute: emails
// interpolate names people chose (a workspace called "<script>") and URLs with `&` in them.
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
