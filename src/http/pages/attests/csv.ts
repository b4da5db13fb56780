/**
 * CSV for "Wie bekeek dit dossier" (A6): RFC 4180 quoting (every field quoted, quotes doubled),
 * `;` as separator as a Dutch-language spreadsheet expects, CRLF line ends, a BOM for UTF-8.
 * A field that a spreadsheet would read as a formula (= + - @, tab, CR) gets a leading apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n';
}
