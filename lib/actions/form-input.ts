// A form's fields as a plain object for zod, without React's own $ACTION_… entries. Files and
// repeated names are not used by our forms: the last text value of a name wins.
export function formInput(formData: FormData): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [name, value] of formData) {
    if (name.startsWith('$ACTION') || typeof value !== 'string') continue;
    input[name] = value;
  }
  return input;
}
