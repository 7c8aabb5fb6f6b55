/** The HTML report, rendered in headless Chromium and checked for what a person would see. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { logEvent, minutes, person, PLACES, userActor } from '../../src/okta/fixtures';
import { countColor, decodePng } from './png';

const VIGIL = resolve(__dirname, '../../bin/vigil.cjs');
const BAR = '#4e79a7';

/** Chromium: CHROME_BIN, else the first of the usual names on PATH. .ci/run installs Debian's `chromium` when none is there. */
function chromium(): string {
  const candidates = [process.env.CHROME_BIN, 'chromium', 'chromium-browser', 'google-chrome'].filter((c): c is string => !!c);
  for (const c of candidates) if (spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0) return c;
  throw new Error(`no Chromium found (tried ${candidates.join(', ')}): install Debian's chromium package or set CHROME_BIN`);
}

function render(file: string, args: string[]): string {
  return execFileSync(chromium(), ['--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run', '--window-size=1280,1400', ...args, `file://${file}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 90_000,
  });
}

/** A morning of sign-ins, then push fatigue and a Moscow/New York impossible travel for one user. */
function eventFile(dir: string): string {
  const lee = person('lee@acme.example');
  const pat = person('pat@acme.example');
  const lines = [
    ...Array.from({ length: 40 }, (_, n) => logEvent({ eventType: 'user.session.start', at: minutes('2026-11-02T07:00:00Z', n * 4), actor: userActor(lee), place: PLACES.newYork, outcome: 'SUCCESS' })),
    ...[0, 1, 2, 3].map((n) => logEvent({ eventType: 'user.mfa.okta_verify.deny_push', at: minutes('2026-11-02T09:30:00Z', n), actor: userActor(pat), place: PLACES.moscow, outcome: 'FAILURE' })),
  ].map((e) => JSON.stringify(e));
  const file = join(dir, 'events.ndjson');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('the HTML report', () => {
  it(
    'given a file with an attack, when `vigil simulate --report` runs and the page is opened in Chromium, then the chart is drawn and every finding and notification is listed',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'vigil-report-'));
      const page = join(dir, 'report.html');
      const run = spawnSync(process.execPath, [VIGIL, 'simulate', '--json', '--input', eventFile(dir), '--report', page], { encoding: 'utf8', cwd: dir });
      expect(run.status).toBe(0);
      expect(run.stderr).toContain(`report: ${page}`);
      const findings = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { summary: string; detectionId: string });
      expect(findings.map((f) => f.detectionId)).toContain('okta-mfa-push-fatigue');

      const html = readFileSync(page, 'utf8');
      expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/[^"'\s]*\.(js|css)\b/); // self-contained: works offline

      const dom = render(page, ['--virtual-time-budget=5000', '--dump-dom']);
      const text = dom.replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))).replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      for (const f of findings) expect(text).toContain(f.summary);
      expect(dom.match(/<tr class="finding">/g)).toHaveLength(findings.length);
      expect(dom).toMatch(/<tr class="notification">[\s\S]*near-time[\s\S]*MFA push fatigue/);
      expect(text).toMatch(/Near-time path: 1 notifications, latency from the event to SNS median 2\.0 s/);
      expect(dom).toMatch(/<canvas id="timeline"[^>]*(width="\d+"[^>]*height="\d+"|style="[^"]*height)/); // Chart.js sized it

      const shot = join(dir, 'report.png');
      render(page, ['--virtual-time-budget=5000', `--screenshot=${shot}`]);
      const img = decodePng(readFileSync(shot));
      expect(img.width).toBe(1280);
      expect(countColor(img, BAR)).toBeGreaterThan(2_000); // the hourly bars
      expect(countColor(img, '#e15759')).toBeGreaterThan(20); // the high-severity finding's point (and its label)
    },
    180_000,
  );

  it(
    'given a file, when `vigil detect --report` runs, then the page lists its findings and says no pipeline notified',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'vigil-report-'));
      const page = join(dir, 'detect.html');
      const run = spawnSync(process.execPath, [VIGIL, 'detect', '--input', eventFile(dir), '--report', page], { encoding: 'utf8', cwd: dir });
      expect(run.status).toBe(0);
      const html = readFileSync(page, 'utf8');
      expect(html).toMatch(/<tr class="finding">[\s\S]*okta-mfa-push-fatigue/);
      expect(html).toMatch(/runs the catalog only, with no pipeline to notify/);
    },
    60_000,
  );
});
