import { DATA_FILES } from '../data/schema';

/** The Template's zip (templates.ts) and the files in it, in the order its README lists them. */
export const TEMPLATES_ZIP = 'dialogue-atlas-templates.zip';
export const TEMPLATE_FILES = {
  dialogues: DATA_FILES.dialogues,
  venues: 'venues.csv',
  topics: DATA_FILES.topics,
  sources: DATA_FILES.sources,
  readme: 'README.txt',
} as const;
