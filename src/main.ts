/**
 * The playground's composition root: store ← URL, DOM controls, the live runner, the Pixi stage, and the
 * frame loop that ties them together (train K steps, then draw). Everything else lives in its layer.
 */
import { Application } from 'pixi.js';
import type { EnvViewOptions } from './render/View';
import { lazyHandler } from './app/multiSeed/lazyController';
import { Runner, type RewardCompiler } from './app/Runner';
import { paintCell } from './app/mapEdit';
import { StageView } from './render/StageView';
import { createPlaygroundStore, type SeedsRequest } from './state/store';
import { syncHash } from './state/url';
import { mountUi } from './ui/mountUi';
import { showStartFailure } from './ui/dom';

const compileReward: RewardCompiler = async (text) => {
  const { compileExpression } = await import('./expr');
  const r = compileExpression(text, { variable: 'a' });
  return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };
};

async function start(): Promise<void> {
  const store = createPlaygroundStore();
  const { stage } = mountUi(document.getElementById('app')!, store);
  // config ⇄ location.hash (same keys as the CLI flags); a malformed link is ignored with a notice
  syncHash(store, window);
  const runner = new Runner(store, compileReward);

  const app = new Application();
  await app.init({
    resizeTo: stage,
    background: '#ffffff',
    antialias: false,
    preference: 'webgl',
    autoDensity: true,
    resolution: Math.min(2, window.devicePixelRatio || 1),
  });
  app.canvas.setAttribute('aria-label', 'Gradient Wars: environment and learning curves');
  app.canvas.setAttribute('role', 'img');
  stage.appendChild(app.canvas);
  // Pixi's resizeTo follows window resizes only; the stage also changes size when the status lines above it
  // wrap or the layout changes (e.g. Compare on), and the canvas must follow or its bottom is cut off
  new ResizeObserver(() => app.queueResize()).observe(stage);

  const view = new StageView({
    cell: (cell, drag) => {
      const s = store.getState();
      const env = runner.frame.agents[0]?.env;
      if (!env || env.kind !== 'gridworld') return;
      if (!s.view.editing) {
        if (!drag) s.setView({ selectedCell: s.view.selectedCell === cell ? -1 : cell });
        return;
      }
      const r = paintCell(env.cells, env.width, env.height, cell, s.view.brush);
      if (r === null) return;
      if ('error' in r) s.setMapError(r.error);
      else {
        s.setMapError(null);
        s.setConfig({ map: r.map });
      }
    },
  });
  app.stage.addChild(view.root);
  store.subscribe(
    (s) => s.view,
    () => view.invalidate(),
  );

  await runner.rebuild();
  // prefers-reduced-motion: read at start and on change; the views get it as an option (moves jump)
  const motionQuery = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  const options = (): EnvViewOptions => {
    const v = store.getState().view;
    return { ...v, ...runner.animation(), reducedMotion: motionQuery?.matches ?? false };
  };
  let opts = options();
  store.subscribe(
    (s) => [s.view, s.speed] as const,
    () => (opts = options()),
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
  motionQuery?.addEventListener('change', () => (opts = options()));
  // The frame loop: train, bring the views up to date, and render the canvas only when something was
  // redrawn (≤ 10 Hz at fast speeds, every frame when moves are animated) or the pointer moved over it.
  // Presenting a canvas is the expensive part for a software renderer, so this keeps the page at 60 fps
  // while training runs flat out; an idle paused page renders nothing.
  app.ticker.remove(app.render, app);
  let pointerMoved = false;
  app.canvas.addEventListener('pointermove', () => (pointerMoved = true));
  app.ticker.add((ticker) => {
    runner.tick(ticker.deltaMS);
    const drawn = view.sync(runner.frame, opts, app.screen.width, app.screen.height, ticker.deltaMS);
    if (drawn || pointerMoved) app.render();
    pointerMoved = false;
  });
  // multi-seed runs, bands, export and import (src/app/multiSeed/, loaded on the first request)
  const seeds = lazyHandler<SeedsRequest>(
    async () => {
      const [m, f] = await Promise.all([
        import('./app/multiSeed/SeedsController'),
        import('./app/multiSeed/saveFile'),
      ]);
      return new m.SeedsController({
        store,
        liveReports: () => runner.liveReports(),
        setOverlays: (o) => view.setOverlays(o),
        save: f.saveFile,
        snapshot: () => f.canvasPng(app.canvas, () => app.render()),
      });
    },
    (message, req) => {
      const error = `The multi-seed module could not be loaded (${message}); try again.`;
      store
        .getState()
        .setMultiSeed(
          req.kind === 'export' || req.kind === 'import'
            ? { exportMessage: null, exportError: error }
            : { running: false, error },
        );
    },
  );
  store.subscribe(
    (s) => s.seedsRequest,
    (req) => {
      if (req) void seeds(req);
    },
  );
  // a handle for the browser tests and for curious users in the console
  (window as unknown as { gradientWars: unknown }).gradientWars = {
    store,
    runner,
    app,
    view,
    viewOptions: () => opts,
  };
  document.body.dataset.ready = 'true';
}

void start().catch((e: unknown) => showStartFailure('Gradient Wars', e));
