/**
 * JSON as the text of a `<script type="application/json">` element: nothing in it can close the
 * element or open a comment, whatever the data holds (`</script>`, `<!--`), and it parses back
 * to the same value with `JSON.parse`.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
