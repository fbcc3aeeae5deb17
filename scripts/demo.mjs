#!/usr/bin/env node
// `npm run demo`: a real n8n 2.8.4 with this package, the local CAMS emulator and the example workflows, ready to use
// from a browser. One command after `npm install` (or `npm ci`):
//
//   npm run demo                          build + pack (skipped when nothing changed), install n8n on first use
//                                         (~2.3 GB into ~/.cache), start everything
//   npm run demo -- --port 5678 --emulator-port 8090 --keep --no-build --rebuild
//   npm run demo -- say hi                (second terminal) a customer writes "hi"; prints the auto-reply
//   npm run demo -- say "opening times?" --from 6590000042
//
// What it does: builds and packs the package, unless the sources and the tarball packed last time are unchanged
// (kept in ~/.cache/n8n-nodes-alibabacloud-chatapp/demo-pack; --rebuild forces it); installs n8n 2.8.4 once into ~/.cache/n8n-nodes-alibabacloud-chatapp
// (progress shown; reused afterwards); starts the CAMS emulator (127.0.0.1:8090, or a free port when taken) in this
// process; starts n8n on 127.0.0.1:5678 (or a free port) with SQLite in a throwaway folder and the packed package
// installed as a community package; creates the owner, an API key, a credential pointing at the emulator and the
// example workflows of examples/ (the ones with triggers activated; the CAMS triggers register their webhook URLs
// in the emulator through their "Configure Callback in CAMS" option). Then it prints the editor URL, the login and
// what to try, and logs what the emulator receives and pushes. Ctrl-C stops n8n and the emulator.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import {
	createEmulatorCredential,
	installExamples,
	startCamsEmulator,
	waitForExampleWebhooks,
} from './n8n/chatapp.mjs';
import { cliOptions, REPO_ROOT, sleep } from './n8n/common.mjs';
import { DEFAULT_OWNER, launch, n8nCacheDir, packPackage, portFree } from './n8n/runtime.mjs';
import { activateQueueExample, QUEUE_EXAMPLE } from './n8n/queue.mjs';

const STATE_FILE = path.join(path.dirname(n8nCacheDir()), 'demo-state.json');
const PACK_CACHE = path.join(path.dirname(n8nCacheDir()), 'demo-pack');
/** What `npm run build` + `npm pack` read: a change to any of them means a new tarball. */
const PACKAGE_INPUTS = [
	'nodes',
	'credentials',
	'icons',
	'package.json',
	'tsconfig.json',
	'gulpfile.js',
];
const DEFAULT_CUSTOMER = '6590000001';

const { args, opt, flag } = cliOptions();
const out = (s = '') => process.stdout.write(`${s}\n`);
const info = (s) => process.stderr.write(`[demo] ${s}\n`);

if (flag('--help') || flag('-h')) {
	out(
		fs
			.readFileSync(new URL(import.meta.url), 'utf8')
			.split('\n')
			.filter((l) => l.startsWith('//'))
			.slice(0, 9)
			.map((l) => l.slice(3))
			.join('\n'),
	);
	process.exit(0);
}

if (args[0] === 'say') {
	await say();
} else {
	await demo();
}

// ---------------------------------------------------------------------------------------------------------------
async function pickPort(wanted, what) {
	if (wanted === 0) return 0;
	if (await portFree(wanted)) return wanted;
	info(`port ${wanted} is taken; ${what} uses a free port instead`);
	return 0;
}

async function demo() {
	const t0 = Date.now();
	let running = null;
	let emulator = null;
	let stopping = false;
	const shutdown = async (sig) => {
		if (stopping) {
			info(`${sig} again: killing now`);
			process.exit(130); // process.mjs's exit hook SIGKILLs n8n's process group
		}
		stopping = true;
		process.stderr.write(`\n[demo] ${sig}: stopping n8n and the emulator...\n`);
		try {
			await running?.stop();
		} catch (e) {
			info(`stopping n8n: ${e.message}`);
		}
		await emulator?.close().catch(() => {});
		fs.rmSync(STATE_FILE, { force: true });
		// While n8n is being installed, install.mjs also listens: it lets npm roll back, then exits by itself.
		if (!running && process.listenerCount(sig) > 1) {
			info('waiting for npm to stop (it rolls back a partial install)...');
			return;
		}
		info('stopped.');
		process.exit(running ? 0 : 130);
	};
	// registered before launch() so that process.mjs leaves SIGINT/SIGTERM to us
	process.on('SIGINT', () => void shutdown('SIGINT'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	process.on('SIGHUP', () => void shutdown('SIGHUP'));

	const emulatorPort = await pickPort(
		Number(opt('--emulator-port', process.env.EMULATOR_PORT ?? 8090)),
		'the emulator',
	);
	const n8nPort = await pickPort(Number(opt('--port', process.env.N8N_DEMO_PORT ?? 5678)), 'n8n');

	const started = await startCamsEmulator({ port: emulatorPort });
	emulator = started.emulator;
	const { seed } = started;
	info(`CAMS emulator listening on ${emulator.url}`);

	const tarball = flag('--no-build') ? undefined : await demoTarball(flag('--rebuild'));
	info(
		'starting n8n (first run: downloads and installs n8n 2.8.4, about 2.3 GB, into ~/.cache)...',
	);
	running = await launch({
		port: n8nPort || undefined,
		build: !flag('--no-build'),
		tarball,
		keep: flag('--keep') || !!process.env.N8N_E2E_KEEP,
	});
	if (stopping) {
		await running.stop();
		process.exit(130);
	}
	const { n8n, client } = running;

	const credential = await createEmulatorCredential(client, emulator.url);
	const workflows = await installExamples(client, { credential, log: (m) => info(m) });
	await waitForExampleWebhooks(client, workflows);

	const business = seed.numbers.connected;
	const channel = seed.channels.whatsapp.custSpaceId;
	const queueDemo = await activateQueueExample(client, workflows, emulator, business);
	if (queueDemo) workflows[QUEUE_EXAMPLE].active = true;
	const crmUrl = Object.values(workflows['crm-order-notification']?.urls ?? {})[0]?.url;
	fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
	fs.writeFileSync(
		STATE_FILE,
		JSON.stringify(
			{ pid: process.pid, emulatorUrl: emulator.url, n8nUrl: n8n.baseUrl, business, channel },
			null,
			2,
		),
	);

	const wfUrl = (key) =>
		workflows[key] ? `${n8n.baseUrl}/workflow/${workflows[key].id}` : '(not imported)';
	const order = JSON.stringify({
		orderId: 'A1001',
		customerName: 'Bob',
		phone: '+65 9000 0001',
		deliveryDate: '2 May',
		trackingId: 'TRK123',
	});
	out(`
================================================================================================
 Alibaba Cloud Chat App nodes in n8n 2.8.4 -- ready in ${((Date.now() - t0) / 1000).toFixed(0)} s

 Editor      ${n8n.baseUrl}/          (127.0.0.1 only)
 Login       ${DEFAULT_OWNER.email}  /  ${DEFAULT_OWNER.password}
 Credential  "${credential.name}"  (points at the emulator: AccessKey ${started.keys.accessKeyId}, endpoint ${emulator.url})
 Emulator    ${emulator.url}/__control   channel ${channel}, business number ${business}

 Workflows
${Object.values(workflows)
	.map((w) => `   ${w.active ? 'active  ' : 'inactive'}  ${w.name.padEnd(42)} ${wfUrl(w.key)}`)
	.join('\n')}

 Try this (in another terminal)
 1. A customer writes "hi" and gets the auto-reply:
      npm run demo -- say hi
    or: curl -s ${emulator.url}/__control/inbound -H 'content-type: application/json' -d '{"from":"${DEFAULT_CUSTOMER}","to":"${business}","text":"hi"}'
 2. Your CRM reports a shipped order -> WhatsApp template; statuses land in "WhatsApp delivery status log":
      curl -s ${crmUrl ?? `${n8n.baseUrl}/webhook/crm/order-shipped`} -H 'content-type: application/json' -d '${order}'
 3. Open "WhatsApp template review alert" and click "Execute workflow" (Submit Template for Review): the review
    result arrives in the same workflow's executions. Reject it afterwards:
      curl -s ${emulator.url}/__control/templates/status -H 'content-type: application/json' -d '{"code":"<TemplateCode>","language":"en_US","status":"fail","reason":"INVALID_FORMAT"}'
 4. Open "WhatsApp bulk campaign from a list" and click "Execute workflow".
 ${
		queueDemo
			? `5. The same "hi" also goes to the inbound queue ${queueDemo.queueName} (QueueFlag Y): the Queue
    Trigger of "${workflows[QUEUE_EXAMPLE].name}" reads it, no public URL involved.
 `
			: ''
 }6. See what CAMS received:  curl -s ${emulator.url}/__control/calls?action=SendChatappMessage
    Executions:              ${n8n.baseUrl}/home/executions

 n8n log: ${n8n.logFile}
 Ctrl-C stops n8n and the emulator.
================================================================================================
`);
	watchEmulator(emulator, workflows);
}

function sha256(data) {
	return crypto.createHash('sha256').update(data).digest('hex');
}

/** One hash over the path and content of every package input, in a fixed order. */
function sourcesFingerprint() {
	const hash = crypto.createHash('sha256');
	const walk = (rel) => {
		const abs = path.join(REPO_ROOT, rel);
		if (!fs.existsSync(abs)) return;
		if (fs.statSync(abs).isDirectory()) {
			for (const entry of fs.readdirSync(abs).sort()) walk(path.join(rel, entry));
			return;
		}
		hash.update(`${rel}\0`).update(fs.readFileSync(abs)).update('\0');
	};
	PACKAGE_INPUTS.forEach(walk);
	return hash.digest('hex');
}

/** The tarball of the last demo when neither the sources nor the tarball changed; else build and pack anew. */
async function demoTarball(force) {
	const stampFile = path.join(PACK_CACHE, 'stamp.json');
	const fingerprint = sourcesFingerprint();
	try {
		const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
		if (
			!force &&
			stamp.fingerprint === fingerprint &&
			sha256(fs.readFileSync(stamp.tarball)) === stamp.tarballSha256
		) {
			info(`sources unchanged: reusing ${stamp.tarball} (npm run demo -- --rebuild to rebuild)`);
			return stamp.tarball;
		}
	} catch {
		// no tarball packed yet, or it is gone: pack one
	}
	fs.rmSync(PACK_CACHE, { recursive: true, force: true });
	fs.mkdirSync(PACK_CACHE, { recursive: true });
	const packed = await packPackage({ outDir: PACK_CACHE, log: info });
	const stamp = {
		fingerprint,
		tarball: packed.tarball,
		tarballSha256: sha256(fs.readFileSync(packed.tarball)),
	};
	fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2));
	return packed.tarball;
}

/** Prints one line per gateway call and per finished push, so you can watch the demo work. */
function watchEmulator(emulator, workflows) {
	const names = new Map();
	for (const w of Object.values(workflows))
		for (const { url } of Object.values(w.urls)) names.set(url, w.name);
	let calls = emulator.calls().length;
	const pushesSeen = new Set(emulator.pushes().map((p) => p.id));
	const short = (s, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
	const describeCall = (c) => {
		const p = c.params ?? {};
		const bits = [];
		if (p.To) bits.push(`to ${p.To}`);
		if (p.TemplateCode) {
			const t = emulator.templates({ code: p.TemplateCode })[0];
			bits.push(`template ${t?.name ?? p.TemplateCode}`);
		}
		if (p.Content) {
			try {
				const content = JSON.parse(p.Content);
				bits.push(`"${short(String(content.text ?? content.body ?? p.Content), 60)}"`);
			} catch {
				bits.push(short(p.Content, 60));
			}
		}
		if (p.ContextMessageId) bits.push(`replying to ${p.ContextMessageId}`);
		if (p.SenderList) bits.push(`${JSON.parse(p.SenderList).length} recipients`);
		if (p.Name && c.action?.includes('Template')) bits.push(`name ${p.Name}`);
		return bits.join(', ');
	};
	const timer = setInterval(() => {
		const lines = [];
		const all = emulator.calls();
		for (const c of all.slice(calls)) {
			const outcome = c.outcome === 'accepted' ? 'OK' : `${c.outcome} ${c.code ?? ''}`.trim();
			const detail = describeCall(c);
			lines.push({
				at: c.at,
				text: `[cams] <- ${c.action ?? '?'} ${outcome}${detail ? `: ${detail}` : ''}`,
			});
		}
		calls = all.length;
		for (const p of emulator.pushes()) {
			if (pushesSeen.has(p.id) || !p.done) continue;
			pushesSeen.add(p.id);
			const what = p.events
				.map(
					(e) =>
						e.Status ??
						e.AuditStatus ??
						(e.Type === 'TEXT' ? `"${short(String(e.Message), 40)}"` : e.Type) ??
						'?',
				)
				.join(', ');
			const last = p.attempts.at(-1);
			const target = p.skipped
				? `not sent (${p.skipped})`
				: `${names.get(p.url) ?? p.url}: ${p.delivered ? 'acknowledged' : `not acknowledged (${last?.status ?? last?.error})`}`;
			lines.push({
				at: p.attempts[0]?.at ?? 0,
				text: `[cams] -> ${p.kind} [${what}] -> ${target}`,
			});
		}
		for (const l of lines.sort((a, b) => a.at - b.at)) process.stderr.write(`${l.text}\n`);
	}, 250);
	timer.unref?.();
	// keep the process alive (n8n runs in its own process group; the interval is unref'd)
	setInterval(() => {}, 1 << 30);
}

// ---------------------------------------------------------------------------------------------------------------
/** The text condition of the auto-reply example's IF node, read from examples/auto-reply.json. */
function autoReplyPattern() {
	try {
		const example = JSON.parse(
			fs.readFileSync(path.join(REPO_ROOT, 'examples', 'auto-reply.json'), 'utf8'),
		);
		const condition = example.nodes.find((node) => node.type === 'n8n-nodes-base.if')?.parameters
			?.conditions?.conditions?.[0];
		return condition?.rightValue ? new RegExp(condition.rightValue, 'i') : undefined;
	} catch {
		return undefined;
	}
}

/** `npm run demo -- say <text> [--from <number>]`: inject an inbound message into the running demo's emulator. */
async function say() {
	const words = [];
	for (let i = 1; i < args.length; i++) {
		if (args[i] === '--from' || args[i] === '--emulator') i++;
		else words.push(args[i]);
	}
	const text = words.join(' ') || 'hi';
	let state = {};
	try {
		state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
	} catch {}
	const emulatorUrl = opt('--emulator', state.emulatorUrl);
	if (!emulatorUrl) {
		out(`No running demo found (${STATE_FILE}). Start it first with: npm run demo`);
		process.exit(1);
	}
	const from = opt('--from', DEFAULT_CUSTOMER);
	const to = state.business ?? '6591234567';
	const post = async (p, body) => {
		const res = await fetch(`${emulatorUrl}${p}`, {
			method: body === undefined ? 'GET' : 'POST',
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = await res.json();
		if (!res.ok) throw new Error(`${p}: HTTP ${res.status} ${JSON.stringify(json)}`);
		return json;
	};
	let inbound;
	try {
		inbound = await post('/__control/inbound', { from, to, text, name: 'Demo Customer' });
	} catch (e) {
		out(
			`Could not reach the demo's emulator at ${emulatorUrl}: ${e.message}. Is "npm run demo" running?`,
		);
		process.exit(1);
	}
	out(`${from} -> ${to}: "${text}"   (MessageId ${inbound.MessageId})`);
	const greeting = autoReplyPattern();
	if (greeting && !greeting.test(text)) {
		out(
			`No example answers "${text}": the auto-reply example answers texts matching ${greeting} (try ` +
				`"npm run demo -- say hi"); this one took its "Other Messages" branch. See the executions of ` +
				`"WhatsApp auto-reply to inbound messages" in ${state.n8nUrl ?? 'n8n'}.`,
		);
		return;
	}
	const end = Date.now() + 15_000;
	while (Date.now() < end) {
		const calls = await post(`/__control/calls?action=SendChatappMessage&outcome=accepted`);
		const reply = calls.find((c) => c.params?.ContextMessageId === inbound.MessageId);
		if (reply) {
			let body = reply.params.Content;
			try {
				body = JSON.parse(body).text ?? body;
			} catch {}
			out(
				`${reply.params.From} -> ${reply.params.To}: "${body}"   (auto-reply, quoting ${inbound.MessageId})`,
			);
			return;
		}
		await sleep(250);
	}
	out(
		`No auto-reply within 15 s. The example answers texts containing "hi", "hello" or "hey"; others take the ` +
			`"Other Messages" branch. See the executions of "WhatsApp auto-reply to inbound messages" in ${state.n8nUrl ?? 'n8n'}.`,
	);
}
