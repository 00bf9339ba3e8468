/** A text field of a submitted form by name; '' when missing (a File never comes from our forms). */
export function formText(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}
