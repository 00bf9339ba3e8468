/** A name folded for search: case and accents do not matter ("medina" finds "Médina"). */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('fr');
}
