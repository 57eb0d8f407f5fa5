// Night outcomes as the API names them, in the order the page shows them, and a commune's state for its colour.
export const kinds = ['ON_TIME', 'SPEAKER_PLAYBACK', 'LATE', 'EARLY', 'INCOMPLETE', 'MISSED', 'PENDING'];

const countField = { ON_TIME: 'onTime', SPEAKER_PLAYBACK: 'speakerPlayback', LATE: 'late', EARLY: 'early', INCOMPLETE: 'incomplete', MISSED: 'missed', PENDING: 'pending' };

/** How many villages of counts (an OutcomeCounts message) had this outcome. */
export const count = (counts, kind) => Number(counts?.[countField[kind]] ?? 0);

export const onTime = counts => count(counts, 'ON_TIME') + count(counts, 'SPEAKER_PLAYBACK');

/** OUTCOME_KIND_ON_TIME → ON_TIME. */
export const kindOf = outcome => String(outcome?.kind ?? 'OUTCOME_KIND_PENDING').replace('OUTCOME_KIND_', '');

/** missed: a village stayed silent; warn: late, early or incomplete; good: all on time; waiting: nothing yet. */
export function communeState(counts) {
  if (count(counts, 'MISSED') > 0) return 'missed';
  if (count(counts, 'LATE') + count(counts, 'EARLY') + count(counts, 'INCOMPLETE') > 0) return 'warn';
  if (count(counts, 'PENDING') === Number(counts?.villages ?? 0)) return 'waiting';
  return 'good';
}
