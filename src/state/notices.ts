/**
 * Messages for the user, shared by the three pages' stores: a bounded list of notices (newest last) that
 * shows each text once. Plain data; the operations work on an immer draft or a plain array.
 */

/** A message shown to the user. */
export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  text: string;
}

/** Adds and removes notices of one store, numbering them from 1. */
export interface NoticeLog {
  /** Appends a notice unless one with the same text is shown; keeps only the newest `max`. */
  add(list: Notice[], level: Notice['level'], text: string): void;
  /** The list without notice `id`. */
  remove(list: readonly Notice[], id: number): Notice[];
}

/** A {@link NoticeLog} that keeps at most `max` notices. */
export function createNoticeLog(max: number): NoticeLog {
  let nextId = 0;
  return {
    add(list, level, text) {
      if (list.some((n) => n.text === text)) return;
      list.push({ id: ++nextId, level, text });
      if (list.length > max) list.splice(0, list.length - max);
    },
    remove: (list, id) => list.filter((n) => n.id !== id),
  };
}
