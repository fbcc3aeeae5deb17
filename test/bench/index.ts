/**
 * `npm run bench`: every benchmark of the package, one after the other. Each prints its figures
 * and ends with one JSON line; the process fails when a target is missed.
 */
import { benchQueueDrain } from './queueDrain.bench';
import { benchSendTemplate } from './sendTemplate.bench';
import { benchTrigger } from './trigger.bench';

const TARGETS = {
	quotaShare: 0.95,
	ratio: 10,
	triggerMsPerPush: 10,
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
	const trigger = await benchTrigger();
	if (trigger.msPerPush > TARGETS.triggerMsPerPush)
		missed.push(
			`trigger took ${trigger.msPerPush} ms per push (target ${TARGETS.triggerMsPerPush})`,
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
