/**
 * Carries out the multi-seed and export requests of the controls (store `seedsRequest`): runs seeds in
 * workers (./runSeeds.ts) with progress and cancel, keeps the result and imported runs and hands them to the
 * charts as bands, and exports "the current run" — the multi-seed result when one is shown, otherwise the
 * live agents' exact episodes as one-run reports — as the CLI's JSON, as CSV, or the canvas as PNG. Loaded
 * lazily by src/main.ts on the first request, so the playground's initial bundle stays small.
 */
import type { TrainReport } from '../../algos/trainReport';
import { parseReportJson } from '../../algos/reportJson';
import type { MultiSeedState, PlaygroundStore, SeedsRequest } from '../../state/store';
import { overlayOf, type RunOverlay } from './overlay';
import { reportsCsv, reportSummary } from './reportCsv';
import { runSeeds, validateSeedJob, type SeedRunResult } from './runSeeds';

/** What the controller needs from the page (wired by src/main.ts). */
export interface SeedsHost {
  store: PlaygroundStore;
  /** The live agents' episodes as one-run reports (A, then B). */
  liveReports(): TrainReport[];
  /** Draws the overlays over the charts. */
  setOverlays(overlays: readonly RunOverlay[]): void;
  /** Offers a file to the user. */
  save(name: string, data: Blob): void;
  /** The canvas (environment views and charts) as a PNG. */
  snapshot(): Promise<Blob>;
  /** Milliseconds clock for throttling progress (default `performance.now`). */
  now?: () => number;
}

/** Least time between two progress publications (the store's ≤ 10 updates per second). */
export const PROGRESS_INTERVAL_MS = 100;

/** Colours of imported runs (palette indices after A and B). */
const IMPORT_COLORS = [2, 3, 4, 5];

/** See the module comment. */
export class SeedsController {
  private result: { reports: TrainReport[]; overlays: RunOverlay[] } | null = null;
  private imported: { reports: TrainReport[]; overlays: RunOverlay[] }[] = [];
  private abort: AbortController | null = null;
  private nextId = 1;

  /**
   * Switching environment drops the multi-seed result (and cancels a run in progress): its bands belong to
   * another environment's charts. Imported runs stay (the user removes them). Other rebuilds (seed, map,
   * estimator, …) keep the result: it is labeled, still a valid reference for comparison on the same charts,
   * and its exports are named and built from its own config.
   */
  constructor(private readonly host: SeedsHost) {
    host.store.subscribe(
      (s) => s.config.env,
      () => {
        this.abort?.abort();
        if (!this.result) return;
        this.result = null;
        this.show();
      },
    );
  }

  /** Handles one request. */
  handle(req: SeedsRequest): void {
    switch (req.kind) {
      case 'run':
        void this.run();
        return;
      case 'cancel':
        this.abort?.abort();
        return;
      case 'clear':
        this.result = null;
        return this.show();
      case 'remove':
        this.imported = this.imported.filter((i) => i.overlays.every((o) => o.id !== req.id));
        if (this.result?.overlays.some((o) => o.id === req.id)) this.result = null;
        return this.show();
      case 'export':
        void this.export(req.format);
        return;
      case 'import':
        return this.import(req.name, req.text);
    }
  }

  private set(patch: Partial<MultiSeedState>): void {
    this.host.store.getState().setMultiSeed(patch);
  }

  private async run(): Promise<void> {
    if (this.abort) return;
    const st = this.host.store.getState();
    const job = {
      config: st.config,
      compare: st.compare.enabled ? st.compare.b : null,
      seeds: st.multiSeed.seeds,
      episodes: st.multiSeed.episodes,
    };
    const bad = validateSeedJob(job);
    if (bad) return this.set({ error: `Not run: ${bad}.` });
    this.result = null;
    this.show();
    const arms = job.compare ? 2 : 1;
    this.set({ running: true, done: 0, total: job.seeds * arms, error: null });
    const abort = (this.abort = new AbortController());
    const now = this.host.now ?? (() => performance.now());
    let published = -Infinity;
    try {
      const res = await runSeeds(job, {
        signal: abort.signal,
        onProgress: (done, total) => {
          // at most one store update per PROGRESS_INTERVAL_MS; the last seed always
          const t = now();
          if (done < total && t - published < PROGRESS_INTERVAL_MS) return;
          published = t;
          this.set({ done, total });
        },
      });
      this.result = this.resultOf(res, job.seeds);
      this.set({ running: false });
    } catch (e) {
      const cancelled = e instanceof DOMException && e.name === 'AbortError';
      this.set({
        running: false,
        done: 0,
        error: cancelled ? null : e instanceof Error ? e.message : String(e),
      });
    } finally {
      this.abort = null;
      this.show();
    }
  }

  private resultOf(res: SeedRunResult, seeds: number): { reports: TrainReport[]; overlays: RunOverlay[] } {
    const reports = res.B ? [res.A, res.B] : [res.A];
    const overlays = reports.map((r, i) =>
      overlayOf(r, {
        id: this.nextId++,
        label: `${i === 0 ? 'A' : 'B'} · ${seeds} seeds (95% CI)`,
        color: i,
        dashed: false,
      }),
    );
    return { reports, overlays };
  }

  /** Pushes the overlays to the charts and their labels to the store. */
  private show(): void {
    const groups = [...(this.result ? [{ ...this.result, imported: false }] : [])];
    for (const i of this.imported) groups.push({ ...i, imported: true });
    this.host.setOverlays(groups.flatMap((g) => g.overlays));
    this.set({
      overlays: groups.flatMap((g) =>
        g.overlays.map((o) => ({ id: o.id, label: o.label, imported: g.imported })),
      ),
    });
  }

  /** The current run: the shown multi-seed result, else the live agents (null when nothing ran yet). */
  private current(): TrainReport[] | null {
    if (this.result) return this.result.reports;
    const live = this.host.liveReports();
    return live.length > 0 && live[0].episodes > 0 ? live : null;
  }

  private async export(format: 'csv' | 'json' | 'png'): Promise<void> {
    try {
      const baseOf = (c: { env: string; seed: number }) => `gradient-wars-${c.env}-seed${c.seed}`;
      if (format === 'png') {
        const base = baseOf(this.host.store.getState().config);
        this.host.save(`${base}.png`, await this.host.snapshot());
        return this.set({ exportMessage: `Saved ${base}.png.`, exportError: null });
      }
      const reports = this.current();
      if (!reports)
        return this.set({
          exportMessage: null,
          exportError: 'Nothing to export yet: press Play or run seeds first.',
        });
      const what = `${reports[0].runs === 1 ? 'live run' : `${reports[0].runs} seeds`}, ${reports[0].episodes} episodes`;
      // named from the reports' own config: a multi-seed result may predate a seed change
      const name = `${baseOf(reports[0].config)}-${reports[0].runs}runs.${format}`;
      const text =
        format === 'json'
          ? JSON.stringify(reports.length === 1 ? reports[0] : { command: 'sweep', reports })
          : reportsCsv(reports);
      this.host.save(name, new Blob([text], { type: format === 'json' ? 'application/json' : 'text/csv' }));
      const stopped = reports.flatMap((r, i) => (r.stopped ? [`${i === 0 ? 'A' : 'B'}: ${r.stopped}`] : []));
      const note = stopped.length > 0 ? ` Not the whole run: ${stopped.join('; ')}.` : '';
      this.set({ exportMessage: `Saved ${name} (${what}).${note}`, exportError: null });
    } catch (e) {
      this.set({
        exportMessage: null,
        exportError: `Export failed: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }

  private import(name: string, text: string): void {
    const r = parseReportJson(text);
    if (!r.ok) return this.set({ exportMessage: null, exportError: `${name} was not imported: ${r.error}.` });
    const overlays = r.reports.map((rep, i) =>
      overlayOf(rep, {
        id: this.nextId++,
        label: `${reportSummary(rep)} (95% CI)`,
        color: IMPORT_COLORS[(this.imported.length + i) % IMPORT_COLORS.length],
        dashed: true,
      }),
    );
    this.imported.push({ reports: r.reports, overlays });
    this.show();
    this.set({
      exportMessage: `Imported ${name}: ${r.reports.map(reportSummary).join('; ')}.`,
      exportError: null,
    });
  }
}
