// The map editor's one operation: paint, validate, refuse with the parser's reason.
import { describe, expect, it } from 'vitest';
import { parseMap } from '../../envs';
import { paintCell } from '../../src/app/mapEdit';

function cellsOf(text: string) {
  const r = parseMap(text);
  if (!r.ok) throw new Error(r.error);
  return r.map;
}

describe('paintCell', () => {
  const m = cellsOf('S../.#./..G');

  it('paints a wall and returns the new map text', () => {
    expect(paintCell(m.cells, m.width, m.height, 1, 'wall')).toEqual({ map: 'S#./.#./..G' });
  });

  it('moves the start instead of adding a second one', () => {
    expect(paintCell(m.cells, m.width, m.height, 3, 'start')).toEqual({ map: '.../S#./..G' });
  });

  it('refuses a map without a goal, naming the reason', () => {
    const r = paintCell(m.cells, m.width, m.height, 8, 'floor');
    expect(r).not.toBeNull();
    expect('error' in r! && r.error).toMatch(/^map edit refused: .*goal/);
  });

  it('refuses a map whose goal becomes unreachable', () => {
    const first = paintCell(m.cells, m.width, m.height, 7, 'wall');
    expect(first).toEqual({ map: 'S../.#./.#G' });
    const next = cellsOf((first as { map: string }).map);
    // walling (0, 2) leaves G reachable only through walls
    const refused = paintCell(next.cells, next.width, next.height, 2, 'wall');
    expect(refused && 'error' in refused && refused.error).toMatch(/unreachable/);
  });

  it('returns null when nothing changes or the cell is outside the grid', () => {
    expect(paintCell(m.cells, m.width, m.height, 4, 'wall')).toBeNull();
    expect(paintCell(m.cells, m.width, m.height, 99, 'wall')).toBeNull();
  });
});
