// The progressive enhancements of a built site, driven in headless Chromium:
// the indicators table filters and sorts, the search filters, and without
// JavaScript both pages show everything. Usage: node interactions.mjs <site-dir>
import { chromium } from 'playwright-core';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const site = path.resolve(process.argv[2] ?? '.');
const url = (page) => pathToFileURL(path.join(site, page)).href;
const failures = [];
function check(condition, message) {
  if (!condition) failures.push(message);
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${message}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage();
  // The pages' Content-Security-Policy is enforced: a violation fails the run.
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Content-Security-Policy/i.test(msg.text())) {
      check(false, `no Content-Security-Policy violation: ${msg.text()}`);
    }
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  await page.goto(url('indicatori/index.html'));
  const rows = page.locator('#indicator-table tbody tr');
  const total = await rows.count();
  const shown = async () => rows.evaluateAll((all) => all.filter((r) => !r.hidden).length);
  check(await page.locator('#indicator-filters').isVisible(), 'the filters appear with JavaScript');
  check((await page.textContent('#filter-count')).includes(`${total} di ${total}`), 'the count shows every row');

  await page.fill('#filter-text', 'nessun-indicatore-si-chiama-così');
  check(await shown() === 0, 'a text that matches nothing hides every row');
  check((await page.textContent('#filter-count')).startsWith('Nessun indicatore'), 'the count says no indicator matches');
  check(await page.locator('#filter-empty').isVisible(), 'a sentence says no indicator matches, instead of an empty table');
  await page.fill('#filter-text', '');
  check(!(await page.locator('#filter-empty').isVisible()), 'the sentence goes when rows match again');

  const year = await page.inputValue('#filter-year');
  const statusesIn = (y) => rows.evaluateAll((all, y) => all.filter((r) => !r.hidden).map((r) => r.getAttribute(`data-status-${y}`)), y);
  await page.selectOption('#filter-status', 'non_raggiunto');
  const statuses = await statusesIn(year);
  check(statuses.length > 0 && statuses.every((s) => s === 'non_raggiunto'), 'the status filter keeps only that status');
  await page.selectOption('#filter-status', '');

  // The reasons of "non valutabile" filter on their own; the status keeps them all.
  await page.selectOption('#filter-status', 'no_value');
  const waiting = await statusesIn(year);
  check(waiting.length > 0 && waiting.every((s) => s === 'non_valutabile no_value'),
    'the reason filter keeps only the targets still waiting for a value');
  await page.selectOption('#filter-status', 'non_valutabile');
  const unassessable = await statusesIn(year);
  check(unassessable.length >= waiting.length && unassessable.every((s) => s.startsWith('non_valutabile')),
    'the non valutabile filter keeps every reason');
  await page.selectOption('#filter-status', '');

  // Another year: its targets and statuses, and the status filter on that year.
  const years = await page.locator('#filter-year option').evaluateAll((all) => all.map((o) => o.value));
  check(years.length > 1, `the year filter offers every year with targets (${years.join(', ')})`);
  const other = years.find((y) => y !== year);
  await page.selectOption('#filter-year', other);
  check((await page.locator('#indicator-table thead .index-year').first().textContent()) === other,
    'the headers name the year chosen');
  const shownYears = await page.locator('#indicator-table tbody td [data-year]:not([hidden])')
    .evaluateAll((all) => [...new Set(all.map((e) => e.dataset.year))]);
  check(shownYears.length === 1 && shownYears[0] === other, 'the cells show the targets and statuses of the year chosen');
  const reached = await rows.evaluateAll((all, y) => all.filter((r) => (r.getAttribute(`data-status-${y}`) || '') === 'raggiunto').length, other);
  await page.selectOption('#filter-status', 'raggiunto');
  check(await shown() === reached, `"Raggiunto" in ${other} keeps its ${reached} indicators`);
  await page.selectOption('#filter-year', year);

  // The submit button applies the filters and puts them in the address.
  await page.click('#indicator-filters button[type="submit"]');
  check(page.url().includes('stato=raggiunto'), 'the submit button puts the filters in the address');
  const filtered = await shown();
  await page.goto(page.url());
  check(await page.inputValue('#filter-status') === 'raggiunto' && await shown() === filtered,
    'the address with the filters shows the same rows');
  await page.click('#indicator-filters button[type="reset"]');
  await page.waitForTimeout(50);
  check(await shown() === total, 'the reset button shows every indicator again');

  const names = async () => rows.evaluateAll((all) => all.map((r) => r.cells[0].textContent.trim()));
  const header = page.locator('#indicator-table thead th').first();
  await header.locator('button').click();
  const ascending = await names();
  const sorted = [...ascending].sort((a, b) => a.localeCompare(b, 'it'));
  check(JSON.stringify(ascending) === JSON.stringify(sorted), 'a click sorts by indicator name');
  check(await header.getAttribute('aria-sort') === 'ascending', 'the header says it sorts ascending');
  await header.locator('button').click();
  check(JSON.stringify(await names()) === JSON.stringify([...sorted].reverse()), 'a second click sorts descending');

  // On a phone the rows stack: the headers (and their sort buttons) are not
  // shown and not focusable; the form's "Ordina per" sorts instead.
  const phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
  await phone.goto(url('indicatori/index.html'));
  check(!(await phone.locator('#indicator-table thead button').first().isVisible()), 'on a phone the sort buttons are not shown');
  // Tab through the form and into the table.
  const stops = await phone.evaluate(() => document.querySelectorAll('a, button, input, select').length);
  let reachedHeader = false;
  for (let i = 0; i < Math.min(stops, 40); i++) {
    await phone.keyboard.press('Tab');
    if (await phone.evaluate(() => Boolean(document.activeElement && document.activeElement.closest('thead')))) reachedHeader = true;
  }
  check(!reachedHeader, 'on a phone the keyboard never lands on a hidden sort button');
  check(await phone.locator('#sort-by').isVisible(), 'on a phone "Ordina per" is shown');
  await phone.selectOption('#sort-by', '0 asc');
  const phoneNames = await phone.locator('#indicator-table tbody tr').evaluateAll((all) => all.map((r) => r.cells[0].textContent.trim()));
  check(JSON.stringify(phoneNames) === JSON.stringify([...phoneNames].sort((a, b) => a.localeCompare(b, 'it'))), '"Ordina per" sorts the rows');
  await phone.close();

  await page.goto(url('cerca/index.html') + '?q=procedura');
  const items = page.locator('#search-results li');
  const expected = await items.evaluateAll((all) => all.filter((li) => li.dataset.text.includes('procedura')).length);
  const visible = await items.evaluateAll((all) => all.filter((li) => !li.hidden).length);
  check(expected > 0 && visible === expected, `the search for "procedura" shows its ${expected} matches`);
  check((await page.textContent('#search-count')).includes(`${expected}`), 'the search says how many matched');

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  plain.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Content-Security-Policy/i.test(msg.text())) {
      check(false, `no Content-Security-Policy violation without JavaScript: ${msg.text()}`);
    }
  });
  await plain.goto(url('indicatori/index.html'));
  check(!(await plain.locator('#indicator-filters').isVisible()), 'without JavaScript the filters (which need it) stay hidden');
  check(await plain.locator('#indicator-table tbody tr:visible').count() === total, 'without JavaScript every indicator is listed');
  await plain.goto(url('cerca/index.html'));
  check(await plain.locator('#search-results li:visible').count() === await plain.locator('#search-results li').count(),
    'without JavaScript the search page lists everything');
  await noJs.close();
} finally {
  await browser.close();
}
console.log(`interactions: ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
