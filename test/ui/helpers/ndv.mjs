// The node panel (NDV) of n8n 2.8.4's editor, by the data-test-ids it renders.
const PARAMS = '[data-test-id="node-parameters"]';

export const param = (page, name) =>
	page.locator(`${PARAMS} [data-test-id="parameter-input-${name}"]`);
export const locator = (page, name) =>
	page.locator(`${PARAMS} [data-test-id="resource-locator-${name}"]`);

export async function openWorkflow(page, baseUrl, id, firstNode) {
	await page.goto(`${baseUrl}/workflow/${id}`);
	await canvasNode(page, firstNode).waitFor({ timeout: 60_000 });
}

const canvasNode = (page, name) =>
	page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);

export async function openNode(page, name) {
	await canvasNode(page, name).dblclick();
	await page.locator(PARAMS).waitFor();
}

/** Closes whatever a failed check left open: dropdowns first, then the panel. */
export async function resetPanel(page) {
	for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
	const ndv = page.locator('[data-test-id="ndv"]');
	if (await ndv.isVisible()) await closeNode(page);
}

export async function closeNode(page) {
	await page.locator('[data-test-id="ndv-close-button"]').click();
	await page.locator('[data-test-id="ndv"]').waitFor({ state: 'hidden' });
}

const firstLine = (text) => text.split('\n')[0].trim();
const visibleOptions = (page) => page.locator('[role="option"]:visible');

/** Opens an options field's dropdown and returns its entries' names. */
export async function openOptions(page, name) {
	await param(page, name).click();
	await visibleOptions(page).first().waitFor();
	return (await visibleOptions(page).allInnerTexts()).map(firstLine);
}

/** Clicks the entry named `text` of the open dropdown. */
export async function clickOption(page, text) {
	const names = (await visibleOptions(page).allInnerTexts()).map(firstLine);
	const index = names.indexOf(text);
	if (index < 0) throw new Error(`no option "${text}" in [${names.join(', ')}]`);
	await visibleOptions(page).nth(index).click();
}

export async function closeDropdown(page) {
	await page.keyboard.press('Escape');
	await visibleOptions(page).first().waitFor({ state: 'hidden' });
}

/** Sets an options field to the entry named `text`. */
export async function selectOption(page, name, text) {
	await openOptions(page, name);
	await clickOption(page, text);
	await visibleOptions(page).first().waitFor({ state: 'hidden' });
}

/** The display value of an options field. */
export const optionValue = async (page, name) =>
	await param(page, name).locator('input').first().inputValue();

const rlcItems = (page) => page.locator('[data-test-id="rlc-item"]:visible');

/** Opens a resource locator's list (list mode) and returns its entries, or the message shown instead. */
export async function openList(page, name) {
	await locator(page, name).locator('[data-test-id="rlc-input"]').click();
	const list = page.locator('[data-test-id="resource-locator-dropdown"]:visible');
	await Promise.race([
		rlcItems(page).first().waitFor(),
		list
			.getByText(/no results|error|could not/i)
			.first()
			.waitFor(),
	]);
	await page.waitForTimeout(300); // the list renders its entries in one go; let it finish
	return (await rlcItems(page).allInnerTexts()).map((text) => text.trim());
}

export async function pickFromList(page, name, text) {
	const items = await openList(page, name);
	const index = items.indexOf(text);
	if (index < 0) throw new Error(`no entry "${text}" in the ${name} list: [${items.join(', ')}]`);
	await rlcItems(page).nth(index).click();
	await rlcItems(page).first().waitFor({ state: 'hidden' });
}

export const listValue = async (page, name) =>
	await locator(page, name).locator('[data-test-id="rlc-input"]').inputValue();

/** Texts of the notices in the panel. */
export const notices = async (page) =>
	await page.locator(`${PARAMS} [role="alert"]:visible`).allInnerTexts();

export const panelText = async (page) => await page.locator(PARAMS).innerText();

/** Waits until no /rest/dynamic-node-parameters/ request is in flight for `quietMs`. */
export function trackDynamicRequests(page) {
	const inFlight = new Set();
	const dynamic = (request) => request.url().includes('/rest/dynamic-node-parameters/');
	page.on('request', (request) => dynamic(request) && inFlight.add(request));
	const done = (request) => inFlight.delete(request);
	page.on('requestfinished', done);
	page.on('requestfailed', done);
	return async function settle(quietMs = 400, timeoutMs = 20_000) {
		const end = Date.now() + timeoutMs;
		let quietSince = Date.now();
		while (Date.now() < end) {
			if (inFlight.size > 0) quietSince = Date.now();
			else if (Date.now() - quietSince >= quietMs) return;
			await page.waitForTimeout(50);
		}
		throw new Error(`${inFlight.size} dynamic-node-parameters request(s) still running`);
	};
}
