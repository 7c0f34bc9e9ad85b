/** "2 of 3 venues match the filters": said after a table's caption when its rows follow the filters. */
export const tableNote = (shown: number, total: number, what: string): string =>
  `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} ${total === 1 ? what : `${what}s`} ${shown === 1 ? 'matches' : 'match'} the filters`;
