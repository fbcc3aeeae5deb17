// End-to-end: the credential's "Test" button in a real n8n 2.8.4 (POST /rest/credentials/test), which
// finds the node-side `testedBy` method and runs it in n8n's CredentialTestContext. Only a CAMS answer
// with Code "OK" passes; gateway rejections (a missing STS token, an unknown action) and a custom
// endpoint's HTTP 500 fail with their code.
//
//   node --test test/e2e/credentialTest.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
	createEmulatorCredential,
	emulatorCredentialData,
	startCamsEmulator,
} from '../../scripts/n8n/chatapp.mjs';
import { launch } from '../../scripts/n8n/runtime.mjs';

let emu;
let keys;
let env;
let credential;

describe('credential test in a real n8n', { timeout: 30 * 60_000 }, () => {
	before(async () => {
		({ emulator: emu, keys } = await startCamsEmulator());
		env = await launch();
		credential = await createEmulatorCredential(env.client, emu.url);
	});

	after(async () => {
		await env?.stop();
		await emu?.close();
	});

	const test = async (data) =>
		await env.client.testCredential({ ...credential, data: emulatorCredentialData(emu.url, data) });

	it('passes with the emulator keys', async () => {
		emu.reset();
		assert.deepEqual(await test({}), { status: 'OK', message: 'Connection successful!' });
		assert.equal(emu.calls({ action: 'ListInstance' }).at(-1).outcome, 'accepted');
	});

	it('fails on a missing STS token, naming it', async () => {
		emu.reset();
		const result = await test({
			accessKeyId: keys.sts.accessKeyId,
			accessKeySecret: keys.sts.accessKeySecret,
			securityToken: '',
		});
		assert.equal(result.status, 'Error');
		assert.match(result.message, /^MissingSecurityToken \(HTTP 400\)/);
	});

	it('fails on an unknown action (404)', async () => {
		emu.reset();
		await emu.setFaults({ unknownActions: ['ListInstance'] });
		const result = await test({});
		assert.equal(result.status, 'Error');
		assert.match(result.message, /^InvalidAction\.NotFound \(HTTP 404\)/);
	});

	it('fails on an HTTP 500 from the custom endpoint', async () => {
		emu.reset();
		await emu.setFaults({ serverErrors: 1 });
		const result = await test({});
		assert.equal(result.status, 'Error');
		assert.match(result.message, /^InternalError \(HTTP 500\)/);
	});
});
