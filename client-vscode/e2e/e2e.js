// Drives a real VS Code (code-server) with the CiteAssist extension installed, through
// playwright-core and Debian's Chromium. Every wait is a poll with a timeout; no fixed sleeps.
// Usage: node e2e.js <code-server-url> <workspace-dir> <out-dir>
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [url, wsDir, outDir] = process.argv.slice(2);
const PAPER_TITLE = 'Remove Symmetries to Control Model Expressivity and Improve Optimization';
const ABSTRACT_START = 'When symmetry is present in the loss function';
const SEARCH_QUERY = 'restricted boltzmann';
const SEARCH_TITLE = 'Learning with Restricted Boltzmann Machines';
const TYPED_QUERY = 'scaled deep resnets mean-field';
const TYPED_TITLE = 'Generalization of Scaled Deep ResNets in the Mean-Field Regime';
const t0 = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const checks = [];
function check(name, ok, detail) {
  checks.push({ name, ok: !!ok });
  log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail !== undefined ? `: ${detail}` : ''}`);
  if (!ok) throw new Error(`check failed: ${name}`);
}

/** Polls fn() until it returns a truthy value; throws with `what` after timeoutMs. */
async function poll(what, fn, timeoutMs = 30000, everyMs = 200) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const text = (s) => s.replace(/\u00a0/g, ' ');

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'citeassist-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] || (await context.newPage());
  page.on('pageerror', (e) => log('pageerror:', e.message));
  const shot = async (name) => {
    await page.screenshot({ path: path.join(outDir, name) });
    log('saved', path.join(outDir, name));
  };
  const lineWith = (s) => page.locator('.editor-instance .monaco-editor .view-line', { hasText: s }).first();
  // Records what the CiteAssist status-bar item said (the server's $/progress while indexing).
  await page.addInitScript(() => {
    window.__citeassistStatus = [];
    const seen = new Set();
    const obs = new MutationObserver(() => {
      for (const el of document.querySelectorAll('.statusbar-item')) {
        const t = (el.innerText || '').trim();
        if (t.includes('CiteAssist:') && !seen.has(t)) {
          seen.add(t);
          window.__citeassistStatus.push(t);
        }
      }
    });
    document.addEventListener('DOMContentLoaded', () => obs.observe(document.body, { subtree: true, childList: true, characterData: true }));
  });
  let ok = false;
  try {
    await page.goto(`${url.replace(/\/$/, '')}/?folder=${encodeURIComponent(wsDir)}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    log('workbench shown');
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'main.tex' }).first();
    await row.waitFor({ timeout: 30000 });
    await row.click();
    await lineWith('documentclass').waitFor({ timeout: 30000 });
    await page.waitForFunction(() => /LaTeX/i.test(document.getElementById('status.editor.mode')?.innerText ?? ''), null, { timeout: 30000 });
    log('main.tex open, language mode', (await page.locator('#status\\.editor\\.mode').innerText()).trim());

    // 1. Completion inside \citep{symm: the catalogue paper is offered with its details.
    await lineWith('Symmetry can trap').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(' \\citep{symm', { delay: 40 });
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    // Rows are told apart by their label, the key: the detail line (authors · year · title) is
    // resolved lazily, for the focused row only, as VS Code asks (resolveSupport "detail"). The
    // built-in catalogue gives PAPER_TITLE the key ziyin2024remove (keys are pinned by its tests).
    const rowsInfo = () =>
      widget.locator('.monaco-list-row').evaluateAll((els) =>
        els.map((e) => ({
          label: (e.querySelector('.label-name')?.textContent ?? '').trim(),
          detail: e.querySelector('.details-label')?.textContent ?? '',
        })),
      );
    // The server may still be starting or indexing the catalogue: ask again until it answers.
    const paper = await poll('the catalogue paper in the completion list', async () => {
      if (!(await widget.isVisible())) await page.keyboard.press('Control+Space');
      try {
        return await poll('rows', async () => (await rowsInfo()).find((r) => /^ziyin2024\w*/.test(r.label)), 3000, 100);
      } catch {
        await page.keyboard.press('Escape');
        return false;
      }
    }, 120000, 100);
    const key = paper.label;
    log('offered:', JSON.stringify(paper), 'among', JSON.stringify((await rowsInfo()).map((r) => r.label)));
    check('the completion list offers the catalogue paper', /^ziyin\d{4}\w*/.test(key), key);
    // Focus that row, then open the details pane (detail + resolved documentation).
    await poll('the catalogue paper focused', async () => {
      if ((await widget.locator('.monaco-list-row.focused .label-name').first().innerText()).trim() === key) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    }, 20000, 50);
    const details = page.locator('.suggest-details-container .suggest-details');
    if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
    const detailsText = await poll('the details pane with title and authors', async () => {
      const t = text(await details.innerText());
      return t.includes(PAPER_TITLE) && /Ziyin/.test(t) ? t : false;
    }, 20000);
    check('the completion details show title, authors and year', detailsText.includes('2024'), JSON.stringify(detailsText.slice(0, 300)));
    await shot('completion.png');

    // 2. Accepting it writes the key into the \citep and the entry into refs.bib on disk.
    await page.keyboard.press('Enter');
    const citeLine = await poll('the key in the \\citep', async () => {
      const t = text(await lineWith('\\citep{').innerText());
      return t.includes(`\\citep{${key}}`) ? t : false;
    }, 15000);
    check('the \\citep has the key', true, JSON.stringify(citeLine));
    const bibPath = path.join(wsDir, 'refs.bib');
    const bib = await poll('the entry in refs.bib on disk', () => {
      const b = fs.readFileSync(bibPath, 'utf8');
      return b.includes(`{${key},`) ? b : false;
    }, 30000);
    check('refs.bib on disk has the new entry and kept the old one', bib.includes('Remove Symmetries') && bib.includes('@book{knuth1984,'), JSON.stringify(bib.slice(bib.indexOf(`{${key},`) - 10, bib.indexOf(`{${key},`) + 120)));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+S');
    await poll('main.tex saved with the key', () => fs.readFileSync(path.join(wsDir, 'main.tex'), 'utf8').includes(`\\citep{${key}}`), 15000);
    check('main.tex on disk has \\citep{key}', true);

    // 3. Hovering the key shows the abstract.
    const keySpan = page.locator('.editor-instance .monaco-editor .view-line span span', { hasText: key }).first();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: ABSTRACT_START }).first();
    await poll('the hover with the abstract', async () => {
      const box = await keySpan.boundingBox();
      await page.mouse.move(box.x + 4, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      try {
        await hover.waitFor({ state: 'visible', timeout: 3000 });
        return true;
      } catch {
        await page.mouse.move(10, 10);
        return false;
      }
    }, 30000, 100);
    // Wait for its fade-in to finish, so that the screenshot shows it opaque.
    await page.waitForFunction((needle) => {
      const h = [...document.querySelectorAll('.monaco-hover:not(.hidden)')].find((e) => e.innerText.includes(needle));
      for (let e = h; e; e = e.parentElement) {
        if (getComputedStyle(e).opacity !== '1' || e.getAnimations().some((a) => a.playState === 'running')) return false;
      }
      return !!h;
    }, ABSTRACT_START, { timeout: 10000 });
    const hoverText = text(await hover.innerText());
    check('the hover shows the abstract', hoverText.includes(ABSTRACT_START), JSON.stringify(hoverText.slice(0, 200)));
    await shot('hover.png');
    await page.mouse.move(10, 10);
    await page.keyboard.press('Escape');

    // 4. "CiteAssist: Search catalogue" inserts a \cite{} for the picked paper and adds its entry.
    await lineWith('Boltzmann machines are treated').click();
    await page.keyboard.press('End');
    await page.keyboard.press('F1');
    const quick = page.locator('.quick-input-widget');
    await quick.locator('input').waitFor({ state: 'visible', timeout: 10000 });
    await page.keyboard.type('CiteAssist: Search catalogue', { delay: 10 });
    await quick.locator('.monaco-list-row', { hasText: 'CiteAssist: Search catalogue' }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
    await quick.locator('.quick-input-title', { hasText: 'CiteAssist: Search catalogue' }).waitFor({ timeout: 15000 });
    await page.keyboard.type(SEARCH_QUERY, { delay: 30 });
    const searchRow = quick.locator('.monaco-list-row', { hasText: SEARCH_TITLE }).first();
    await searchRow.waitFor({ timeout: 60000 });
    const rowText = text(await searchRow.innerText());
    check('the search lists the paper with title, authors and year', /Xu/.test(rowText) && /20\d\d/.test(rowText), JSON.stringify(rowText));
    const searchKey = /\b([a-z]+\d{4}[a-z]*)\b/.exec(rowText)?.[1];
    check('the search row shows the key', !!searchKey, searchKey);
    await shot('search.png');
    await searchRow.click();
    const line2 = await poll('the \\cite from the search', async () => {
      const t = text(await lineWith('Boltzmann machines are treated').innerText());
      return t.includes(`\\cite{${searchKey}}`) ? t : false;
    }, 15000);
    check('Search catalogue inserted \\cite{key} at the cursor', true, JSON.stringify(line2));
    const bib2 = await poll('the searched entry in refs.bib on disk', () => {
      const b = fs.readFileSync(bibPath, 'utf8');
      return b.includes(`{${searchKey},`) ? b : false;
    }, 30000);
    check('refs.bib on disk has both new entries once each', bib2.split(`{${key},`).length === 2 && bib2.split(`{${searchKey},`).length === 2 && bib2.includes('@book{knuth1984,'));

    // 5. "Add BibTeX entry for key under cursor" on a key typed by hand (found with the search).
    await page.keyboard.press('F1');
    await quick.locator('input').waitFor({ state: 'visible', timeout: 10000 });
    await page.keyboard.type('CiteAssist: Search catalogue', { delay: 10 });
    await quick.locator('.monaco-list-row', { hasText: 'CiteAssist: Search catalogue' }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
    await quick.locator('.quick-input-title', { hasText: 'CiteAssist: Search catalogue' }).waitFor({ timeout: 15000 });
    await page.keyboard.type(TYPED_QUERY, { delay: 20 });
    const typedRow = quick.locator('.monaco-list-row', { hasText: TYPED_TITLE }).first();
    await typedRow.waitFor({ timeout: 60000 });
    const typedKey = /\b([a-z]+\d{4}[a-z]*)\b/.exec(text(await typedRow.innerText()))?.[1];
    check('the search finds a third paper', !!typedKey, typedKey);
    await page.keyboard.press('Escape');
    await quick.waitFor({ state: 'hidden', timeout: 10000 });
    await lineWith('\\bibliographystyle').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type(`See \\nocite{${typedKey}`, { delay: 20 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('F1');
    await quick.locator('input').waitFor({ state: 'visible', timeout: 10000 });
    await page.keyboard.type('CiteAssist: Add BibTeX entry for key under cursor', { delay: 10 });
    await quick.locator('.monaco-list-row', { hasText: 'Add BibTeX entry for key under cursor' }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
    const bib3 = await poll('the typed key\'s entry in refs.bib on disk', () => {
      const b = fs.readFileSync(bibPath, 'utf8');
      return b.includes(`{${typedKey},`) ? b : false;
    }, 30000);
    check('"Add BibTeX entry for key under cursor" added the entry', bib3.includes('ResNets'));
    log('status bar progress seen:', JSON.stringify(await page.evaluate(() => window.__citeassistStatus)));
    ok = true;
  } catch (e) {
    log('FAILED:', e.message);
    await shot('failure.png').catch(() => {});
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    log(`${checks.filter((c) => c.ok).length} checks passed`);
    log(ok ? 'RESULT: PASS' : 'RESULT: FAIL');
    process.exitCode = ok ? 0 : 1;
  }
})();
