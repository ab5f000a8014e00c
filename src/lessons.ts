/**
 * The lessons page's composition root (lessons.html): saved progress ← localStorage, route ← location.hash,
 * the DOM page (src/ui/lessons/), the runs (src/app/lessons/, training on the multi-seed worker pool), the checks
 * (src/state/lessons/checks.ts) and a Pixi canvas for each result's chart (src/render/lessons/).
 */
import { Application } from 'pixi.js';
import { runLesson } from './app/lessons/experiments';
import { createLessonRunner } from './app/lessons/lessonRunner';
import { runSeeds } from './app/multiSeed/runSeeds';
import { LessonChartView } from './render/lessons/LessonChartView';
import { createLessonsStore } from './state/lessons/lessonsStore';
import { readProgress, writeProgress, type ProgressStorage } from './state/lessons/progress';
import { readRoute } from './state/lessons/route';
import { el, showStartFailure } from './ui/dom';
import { mountLessons } from './ui/lessons/mountLessons';
import type { LessonFigure } from './app/lessons/chartData';

function storage(): ProgressStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Height of the chart for a given width (shorter on narrow screens). */
function chartHeight(width: number): number {
  return Math.round(Math.min(360, Math.max(240, width * 0.45)));
}

async function start(): Promise<void> {
  const store_ = storage();
  const saved = readProgress(store_);
  const store = createLessonsStore(saved.progress);
  for (const e of saved.errors) store.getState().notify('warning', `Lesson progress: ${e}`);

  const applyHash = () => {
    const { route, error } = readRoute(window.location.hash);
    if (error) store.getState().notify('warning', `Ignored in the link: ${error}`);
    store.getState().setRoute(route);
  };
  applyHash();
  window.addEventListener('hashchange', applyHash);
  store.subscribe(
    (s) => s.progress,
    (progress) => {
      const err = writeProgress(store_, progress);
      if (err) store.getState().notify('warning', `Lesson progress: ${err}`);
    },
  );

  let pending = true;
  const view = new LessonChartView();
  // what each chart shows, as text under the canvas (also what a screen reader gets)
  const captions = el('div', { id: 'chart-captions', class: 'chart-captions' });
  let fitCanvas = () => {};
  const showCharts = (figures: readonly LessonFigure[] | null, message?: string) => {
    view.show(figures, message);
    captions.replaceChildren(
      ...(figures ?? [])
        .filter((f) => f.caption)
        .map((f) => el('p', {}, [el('strong', { text: `${f.title}. ` }), f.caption!])),
    );
    fitCanvas();
    pending = true;
  };
  const { run, cancel } = createLessonRunner({
    store,
    runLesson: (id, ctl) => runLesson(id, runSeeds, ctl),
    showCharts,
  });
  const page = mountLessons(document.getElementById('app')!, store, { run, cancel });
  store.subscribe(
    (s) => s.route,
    () => {
      cancel();
      showCharts(null);
    },
  );

  const holder = page.chartHolder;
  const width0 = Math.max(300, Math.floor(holder.clientWidth || 800));
  const app = new Application();
  await app.init({
    width: width0,
    height: chartHeight(width0),
    background: '#ffffff',
    antialias: true,
    preference: 'webgl',
    autoDensity: true,
    resolution: Math.min(2, window.devicePixelRatio || 1),
  });
  app.canvas.setAttribute('role', 'img');
  app.canvas.setAttribute('aria-label', 'Chart of the lesson run (the numbers are in the check below)');
  holder.append(app.canvas, captions);
  app.stage.addChild(view.root);
  let width = width0;
  fitCanvas = () => {
    if (app.renderer.height !== view.totalHeight) app.renderer.resize(width, view.totalHeight);
  };
  view.resize(width0, chartHeight(width0));
  showCharts(null);

  const resize = () => {
    const w = Math.max(300, Math.floor(holder.clientWidth));
    if (!holder.isConnected || w === width || w <= 0) return;
    width = w;
    view.resize(w, chartHeight(w));
    app.renderer.resize(w, view.totalHeight);
    pending = true;
  };
  new ResizeObserver(resize).observe(holder);
  app.canvas.addEventListener('pointermove', () => (pending = true));
  app.canvas.addEventListener('pointerleave', () => (pending = true));
  app.ticker.remove(app.render, app);
  app.ticker.add(() => {
    if (!pending) return;
    view.update();
    app.render();
    pending = false;
  });
  (window as unknown as { gradientLessons: unknown }).gradientLessons = { store, app, view };
  document.body.dataset.ready = 'true';
}

void start().catch((e: unknown) => showStartFailure('The lessons', e));
