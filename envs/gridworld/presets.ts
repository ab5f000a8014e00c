/**
 * Gridworld presets: named maps with their rewards, for the app's menu, the CLI and URLs (`map=cliff`).
 *
 * - `open5x5`: an empty room, start top-left, goal bottom-right.
 * - `cliff`: Cliff Walking, Sutton & Barto (2nd ed.) Example 6.6: 4×12, start bottom-left, goal bottom-right,
 *   the cliff between them; step −1, goal 0, cliff −100. Unlike the book (which sends the agent back to the
 *   start), falling off the cliff here ends the episode.
 * - `fourRooms`: the four-rooms domain of Sutton, Precup & Singh (1999), "Between MDPs and semi-MDPs",
 *   Figure 2: an 11×11 interior split into four rooms joined by four one-cell doorways.
 * - `bridge`: a narrow bridge between two pits (short and risky under slip) or a safe detour (long).
 */

/** A named map with its rewards. */
export interface GridPreset {
  /** Identifier used in options, URLs and the CLI. */
  readonly id: string;
  /** Human-readable name. */
  readonly label: string;
  /** Map text, rows separated by `/` (see parseMap). */
  readonly map: string;
  /** Reward of a step that enters neither a goal nor a pit. */
  readonly stepReward: number;
  /** Reward of entering a goal cell (ends the episode). */
  readonly goalReward: number;
  /** Reward of entering a pit (ends the episode). */
  readonly pitReward: number;
}

/** Rewards used when the map is custom text rather than a preset id. */
export const customMapRewards = { stepReward: -0.01, goalReward: 1, pitReward: -1 } as const;

/** All presets, in menu order. */
export const gridPresets: readonly GridPreset[] = [
  {
    id: 'open5x5',
    label: 'Open 5×5',
    map: 'S..../...../...../...../....G',
    ...customMapRewards,
  },
  {
    id: 'cliff',
    label: 'Cliff walking (S&B Ex. 6.6)',
    map: '............/............/............/SXXXXXXXXXXG',
    stepReward: -1,
    goalReward: 0,
    pitReward: -100,
  },
  {
    id: 'fourRooms',
    label: 'Four rooms (Sutton, Precup & Singh 1999)',
    map: [
      'S....#.....',
      '.....#.....',
      '...........',
      '.....#.....',
      '.....#.....',
      '#.####.....',
      '.....###.##',
      '.....#.....',
      '.....#.....',
      '...........',
      '.....#....G',
    ].join('/'),
    ...customMapRewards,
  },
  {
    id: 'bridge',
    label: 'Bridge over pits',
    map: '...../.XXX./S...G/.XXX./.....',
    ...customMapRewards,
  },
];

/** Preset ids, in menu order. */
export const gridPresetIds: readonly string[] = gridPresets.map((p) => p.id);

/** The preset with this id, or undefined. */
export function findGridPreset(id: string): GridPreset | undefined {
  return gridPresets.find((p) => p.id === id);
}
