/**
 * The gradient lab's composition root: lab store ← URL, DOM controls, the lab engine (with its worker for
 * sweeps and races), the Pixi stage, and a frame loop that recomputes at most once per frame and renders the
 * canvas only when something was redrawn.
 */
import { Application } from 'pixi.js';
import { LAB_ESTIMATORS, type LabEstimator } from './algos/lab/estimators';
import { histogramsCsv, sweepCsv } from './app/lab/csv';
import { inlineJobRunner, type LabJobRunner } from './app/lab/jobs';
import { LabEngine } from './app/lab/LabEngine';
import { workerJobRunner } from './app/lab/workerJobs';
import { ESTIMATOR_COLORS, toCss } from './render/colors';
import { RenderPacer } from './render/RenderPacer';
import { LabStage } from './render/lab/LabStage';
import { isHidden } from './state/classroom';
import { createLabStore } from './state/labStore';
import { syncLabHash } from './state/labUrl';
import { mountLab } from './ui/lab/mountLab';
import { showStartFailure } from './ui/dom';
import { saveFile } from './app/multiSeed/saveFile';

const csvBlob = (text: string) => new Blob([text], { type: 'text/csv' });

function jobRunner(): LabJobRunner {
  try {
    return workerJobRunner();
  } catch {
    return inlineJobRunner();
  }
}

async function start(): Promise<void> {
  const store = createLabStore();
  syncLabHash(store, window);
  const colors = {} as Record<LabEstimator, string>;
  for (const name of LAB_ESTIMATORS) colors[name] = toCss(ESTIMATOR_COLORS[name]);
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const engine = new LabEngine(store, jobRunner(), { replay: !reducedMotion });
  const { stage } = mountLab(document.getElementById('app')!, store, colors, {
    replay: () => engine.replay(),
    exportCsv: (kind) =>
      kind === 'histograms'
        ? saveFile('gradient-lab-histograms.csv', csvBlob(histogramsCsv(engine.frame)))
        : saveFile('gradient-lab-sweep.csv', csvBlob(sweepCsv(engine.frame))),
  });
  engine.start();

  const app = new Application();
  await app.init({
    width: Math.max(320, stage.clientWidth),
    height: LabStage.preferredHeight(Math.max(320, stage.clientWidth)),
    background: '#ffffff',
    antialias: true,
    preference: 'webgl',
    autoDensity: true,
    resolution: Math.min(2, window.devicePixelRatio || 1),
  });
  app.canvas.setAttribute(
    'aria-label',
    'Gradient lab: f and the density, estimator histograms, variance sweeps and the race',
  );
  app.canvas.setAttribute('role', 'img');
  stage.appendChild(app.canvas);
  // clicks on the plots set k and the race start, unless a classroom link hid those controls
  const locked = (id: string) => isHidden('lab', store.getState().classroom, id);
  const view = new LabStage({
    pickK: (k) => {
      if (!locked('k')) store.getState().setConfig({ k: Math.round(k * 100) / 100 });
    },
    pickStart: (mu, sigma) => {
      if (locked('race-start')) return;
      store.getState().setConfig({ mu0: Math.round(mu * 100) / 100, sigma0: Math.round(sigma * 100) / 100 });
    },
  });
  app.stage.addChild(view.root);

  // the canvas follows the column's width; its height is what the stage asks for (the column scrolls)
  let width = 0;
  const resize = () => {
    const w = Math.max(320, Math.floor(stage.clientWidth));
    if (w === width) return;
    width = w;
    app.renderer.resize(w, LabStage.preferredHeight(w));
  };
  resize();
  new ResizeObserver(resize).observe(stage);

  // The frame loop: recompute what changed (at most once per frame), bring the views up to date, and present
  // the canvas when something was redrawn, paced so that a slow (software) renderer never drags the page
  // below its frame rate (see RenderPacer).
  app.ticker.remove(app.render, app);
  const pacer = new RenderPacer();
  let pending = true;
  app.canvas.addEventListener('pointermove', () => (pending = true));
  app.ticker.add((ticker) => {
    engine.tick(ticker.deltaMS);
    if (view.sync(engine.frame, app.screen.width, app.screen.height)) pending = true;
    if (pacer.frame(ticker.deltaMS, pending)) {
      app.render();
      pacer.rendered();
      pending = false;
    }
  });
  (window as unknown as { gradientLab: unknown }).gradientLab = { store, engine, app, view, pacer };
  document.body.dataset.ready = 'true';
}

void start().catch((e: unknown) => showStartFailure('The gradient lab', e));
