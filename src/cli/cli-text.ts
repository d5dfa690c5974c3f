/**
 * Text for a terminal: control characters (C0, DEL, C1, line and paragraph separators, bidi
 * overrides) are shown as escapes, and so is the backslash, so that what a user typed can neither
 * move the cursor, ring the bell, forge a row nor be mistaken for an escape.
 */
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\\\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControl(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** One row of tab-separated text output, each cell escaped (a cell can never hold a tab or a newline). */
export function textRow(cells: readonly string[]): string {
  return cells.map(escapeControl).join('\t');
}
