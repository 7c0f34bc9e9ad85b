import type { TrackInsight } from './insights';

/**
 * The planned meeting of a track whose time has passed with no held meeting instead, else null: the
 * timeline marks it "overdue", and the table of meetings says so in its status. A module of its own,
 * so the first view's JavaScript (which holds the insights) does not carry it.
 */
export const overdueMeetingId = (insight: TrackInsight | undefined): string | null =>
  insight?.next?.basis === 'planned' && insight.next.overdue ? insight.next.meeting.id : null;
