/**
 * `npm run bench`: every benchmark of the package, one after the other. Each prints its figures
 * and ends with one JSON line; the process fails when a target is missed.
 */
import { benchConcurrentSends } from './concurrentSends.bench';
import { benchMassSend } from './massSend.bench';
import { benchQueueDrain } from './queueDrain.bench';
import { benchSendTemplate } from './sendTemplate.bench';
import { benchSign } from './sign.bench';
import { benchTrigger } from './trigger.bench';

const TARGETS = {
	quotaShare: 0.95,
	ratio: 10,
	triggerMsPerPush: 10,
	signRatioVsSdk: 0.5,
	massSendCeilingShare: 0.8,
	queueEventsPerSecond: 1000,
};

async function main(): Promise<void> {
	const missed: string[] = [];
	const send = await benchSendTemplate();
	if (send.quotaShare < TARGETS.quotaShare)
		missed.push(
			`send-template reached ${send.quotaShare} of the quota (target ${TARGETS.quotaShare})`,
		);
	if (send.ratio < TARGETS.ratio)
		missed.push(`send-template is ${send.ratio}x the baseline (target ${TARGETS.ratio}x)`);
	if (send.throttlingErrorsSurfaced > 0)
		missed.push(`${send.throttlingErrorsSurfaced} throttling errors surfaced (target 0)`);
	if (send.duplicates > 0) missed.push(`${send.duplicates} duplicates (target 0)`);
	if (send.otherErrors > 0) missed.push(`${send.otherErrors} items failed`);
	const concurrent = await benchConcurrentSends();
	if (concurrent.quotaShare < TARGETS.quotaShare)
		missed.push(
			`send-concurrent-executions reached ${concurrent.quotaShare} of the quota (target ${TARGETS.quotaShare})`,
		);
	if (concurrent.throttlingErrorsSurfaced > 0)
		missed.push(
			`send-concurrent-executions: ${concurrent.throttlingErrorsSurfaced} throttling errors surfaced (target 0)`,
		);
	if (concurrent.duplicates > 0)
		missed.push(`send-concurrent-executions: ${concurrent.duplicates} duplicates (target 0)`);
	if (concurrent.otherErrors > 0)
		missed.push(`send-concurrent-executions: ${concurrent.otherErrors} items failed`);
	const mass = await benchMassSend();
	if (mass.ceilingShare < TARGETS.massSendCeilingShare)
		missed.push(
			`mass-send-100k reached ${mass.ceilingShare} of the ceiling (target ${TARGETS.massSendCeilingShare})`,
		);
	if (mass.errors > 0 || mass.duplicates > 0)
		missed.push(`mass-send-100k: ${mass.errors} errors, ${mass.duplicates} duplicates (target 0)`);
	const trigger = await benchTrigger();
	if (trigger.msPerPush > TARGETS.triggerMsPerPush)
		missed.push(
			`trigger took ${trigger.msPerPush} ms per push (target ${TARGETS.triggerMsPerPush})`,
		);
	const sign = await benchSign();
	if (sign.ratioVsSdk > TARGETS.signRatioVsSdk)
		missed.push(
			`signing took ${sign.ratioVsSdk}x the official SDK's time (target ${TARGETS.signRatioVsSdk}x)`,
		);
	const queue = await benchQueueDrain();
	if (queue.eventsPerSecond < TARGETS.queueEventsPerSecond)
		missed.push(
			`queue-drain reached ${queue.eventsPerSecond} events/s (target ${TARGETS.queueEventsPerSecond})`,
		);
	if (queue.duplicates > 0) missed.push(`queue-drain emitted ${queue.duplicates} duplicates`);
	if (missed.length > 0) {
		process.stderr.write(`Targets missed:\n${missed.join('\n')}\n`);
		process.exitCode = 1;
	}
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});
