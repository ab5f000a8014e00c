import { describe, expect, it } from 'vitest';
import { Cell, formatMap, parseMap } from '../../envs/gridworld/parseMap';
import { gridPresets } from '../../envs/gridworld/presets';

function error(text: string): string {
  const r = parseMap(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return r.error;
}

describe('parseMap', () => {
  it.each(gridPresets.map((p) => [p.id, p.map]))('accepts preset %s', (_id, map) => {
    const r = parseMap(map);
    expect(r.ok).toBe(true);
  });

  it('reads cells, start, sizes; newlines and slashes; trims whitespace', () => {
    const a = parseMap('  S.#\n  X.G  \n');
    const b = parseMap('S.#/X.G');
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.map.width).toBe(3);
    expect(a.map.height).toBe(2);
    expect(a.map.start).toBe(0);
    expect(Array.from(a.map.cells)).toEqual([
      Cell.start,
      Cell.floor,
      Cell.wall,
      Cell.pit,
      Cell.floor,
      Cell.goal,
    ]);
    expect(Array.from(b.map.cells)).toEqual(Array.from(a.map.cells));
    expect(formatMap(a.map)).toBe('S.#/X.G');
  });

  it('places the presets as documented', () => {
    const get = (id: string) => {
      const r = parseMap(gridPresets.find((p) => p.id === id)!.map);
      if (!r.ok) throw new Error(r.error);
      return r.map;
    };
    const open = get('open5x5');
    expect([open.width, open.height, open.start]).toEqual([5, 5, 0]);
    expect(open.cells[4 * 5 + 4]).toBe(Cell.goal);
    const cliff = get('cliff');
    expect([cliff.width, cliff.height, cliff.start]).toEqual([12, 4, 36]);
    expect(cliff.cells[47]).toBe(Cell.goal);
    for (let c = 1; c <= 10; c++) expect(cliff.cells[36 + c]).toBe(Cell.pit);
    const rooms = get('fourRooms');
    expect([rooms.width, rooms.height]).toEqual([11, 11]);
    expect(Array.from(rooms.cells).filter((k) => k === Cell.wall).length).toBeGreaterThan(15);
    expect(Array.from(get('bridge').cells).some((k) => k === Cell.pit)).toBe(true);
    const preset = gridPresets.find((p) => p.id === 'cliff')!;
    expect([preset.stepReward, preset.goalReward, preset.pitReward]).toEqual([-1, 0, -100]);
  });

  it.each([
    ['S.G/...Q', "unknown character 'Q' at row 2, column 4"],
    ['S.G/. .', 'unknown character space at row 2, column 2'],
    ['S..../...../......', 'row 3 has 6 cells, expected 5'],
    ['S.G//...', 'row 2 is empty'],
    ['.../..G', 'no start cell S'],
    ['S.../...S/...G', '2 start cells S (at row 1, column 1; row 2, column 4), expected exactly one'],
    ['S...', 'no goal cell G'],
    ['S#G', 'goal is unreachable from the start'],
    ['SXG', 'goal is unreachable from the start'],
    ['S.#./..#./###./...G', 'goal is unreachable from the start'],
    ['', 'map is empty'],
    ['   \n  ', 'map is empty'],
    [Array(31).fill('S').join('/'), 'map has 31 rows, at most 30 allowed'],
    ['S' + '.'.repeat(29) + 'G', 'map is 31 columns wide, at most 30 allowed'],
  ])('rejects %j: %s', (text, message) => {
    expect(error(text)).toBe(
      message.startsWith('unknown character') ? `${message} (use S G # X .)` : message,
    );
  });

  it('accepts the largest allowed map and a goal reached around walls', () => {
    expect(
      parseMap(Array(30).fill('.'.repeat(30)).join('/').replace(/^\./, 'S').replace(/\.$/, 'G')).ok,
    ).toBe(true);
    expect(parseMap('S#G/...').ok).toBe(true);
  });
});
