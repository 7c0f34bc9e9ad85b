// The panels' tables, loaded when one is first asked for (the first view draws charts).
export { default as VenueTable } from './VenueTable.svelte';
export { default as TopicTable } from './TopicTable.svelte';
export { default as MeetingTable } from './MeetingTable.svelte';
