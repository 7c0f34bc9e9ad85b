/**
 * The data package's README.txt (export/package-readme.ts writes it): its name, and the line it
 * starts with, by which an upload of the package, or of its unzipped folder, knows it for a note
 * that holds no data (ingest/detect.ts), not a table with an unknown header.
 */
export const README_NAME = 'README.txt';
export const README_TITLE = 'Dialogue Atlas data package';

/** The first line of the templates' README.txt (export/templates.ts), by which an upload knows it for a note too. */
export const TEMPLATES_README_TITLE = 'Dialogue Atlas: templates for the files the Data panel reads';
