// Debian's Chromium driven by playwright-core: no browser download, ever (playwright-core has none;
// PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set for good measure). The browser is installed with apt when
// missing (CI runs as root).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { REPO_ROOT } from '../../../scripts/n8n/common.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

export const CHROMIUM = process.env.UI_CHROMIUM || '/usr/bin/chromium';
/** Screenshots, one per check (git-ignored). */
export const OUTPUT_DIR = path.join(REPO_ROOT, 'test', 'ui', 'output');

/** `apt-get update && apt-get install -y chromium` unless Chromium is there already. */
export function ensureChromium(log = (m) => process.stderr.write(`[ui] ${m}\n`)) {
	if (fs.existsSync(CHROMIUM)) return CHROMIUM;
	log(`${CHROMIUM} is missing: installing Debian's chromium with apt-get`);
	const apt = (args) =>
		execFileSync('apt-get', args, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	apt(['update']);
	apt(['install', '-y', '--no-install-recommends', 'chromium']);
	if (!fs.existsSync(CHROMIUM))
		throw new Error(`apt-get installed chromium, but ${CHROMIUM} is missing`);
	return CHROMIUM;
}

export async function launchBrowser() {
	const browser = await chromium.launch({
		executablePath: ensureChromium(),
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
	});
	const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
	const page = await context.newPage();
	page.setDefaultTimeout(30_000);
	return { browser, page };
}

/**
 * Records what the issue forbids while the editor is used: a 4xx/5xx from
 * /rest/dynamic-node-parameters/* and any console error. `take()` returns and clears them.
 */
export function watchProblems(page, baseUrl) {
	const origin = new URL(baseUrl).origin;
	let problems = [];
	page.on('response', (response) => {
		if (!response.url().includes('/rest/dynamic-node-parameters/')) return;
		if (response.status() < 400) return;
		const entry = `${response.status()} ${new URL(response.url()).pathname}`;
		problems.push(entry);
		response
			.text()
			.then((body) => {
				const index = problems.indexOf(entry);
				if (index >= 0) problems[index] = `${entry}: ${body.slice(0, 300)}`;
			})
			.catch(() => {});
	});
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		// Offline, the node creator's external images fail to load; that is not the editor failing.
		const source = message.location()?.url ?? '';
		if (/^Failed to load resource: net::ERR_/.test(message.text()) && !source.startsWith(origin))
			return;
		problems.push(`console error: ${message.text().slice(0, 300)} (${source})`);
	});
	page.on('pageerror', (error) => problems.push(`page error: ${error.message.slice(0, 300)}`));
	return {
		take() {
			const taken = problems;
			problems = [];
			return taken;
		},
	};
}

export async function signIn(page, baseUrl, owner) {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(owner.email);
	await page.locator('input[type="password"]').fill(owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.includes('signin'));
}

/** Runs a check and saves a screenshot of it whatever the outcome. */
export async function withScreenshot(page, name, check) {
	fs.mkdirSync(OUTPUT_DIR, { recursive: true });
	try {
		return await check();
	} finally {
		await page
			.screenshot({ path: path.join(OUTPUT_DIR, `${name}.png`) })
			.catch((error) => process.stderr.write(`[ui] screenshot ${name}: ${error.message}\n`));
	}
}
