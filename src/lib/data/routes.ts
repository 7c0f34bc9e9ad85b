/** The routes the app answers: the dashboard, one view alone for embedding, or one view full screen. */
export const ROUTES = [
  '',
  'embed/topics',
  'embed/cadence',
  'embed/map',
  'present/topics',
  'present/cadence',
  'present/map',
] as const;
