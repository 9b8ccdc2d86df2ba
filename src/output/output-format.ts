/** The formats a scan's findings can be written in. */
export const outputFormats = ['table', 'json', 'jsonl', 'csv', 'sarif', 'asff', 'ocsf', 'junit'] as const;
export type OutputFormat = (typeof outputFormats)[number];
