/**
 * In-memory SMQ queues: visibility timeout, DequeueCount, a new receipt handle on every receive
 * and every ChangeMessageVisibility, and real long polling (a receive waits until a message
 * becomes visible or the wait ends).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface StoredMessage {
	id: string;
	body: string;
	bodyMd5: string;
	priority: number;
	enqueueTime: number;
	firstDequeueTime: number;
	nextVisibleTime: number;
	dequeueCount: number;
	/** The one handle that works now; '' before the first receive. */
	handle: string;
}

export interface QueueStats {
	name: string;
	/** Visible now. */
	active: number;
	/** Received and not yet deleted, within their visibility timeout. */
	inactive: number;
	total: number;
	received: number;
	deleted: number;
}

export type HandleResult = 'ok' | 'MessageNotExist' | 'ReceiptHandleError';

class Queue {
	readonly messages = new Map<string, StoredMessage>();
	received = 0;
	deleted = 0;
	private readonly waiters = new Set<() => void>();

	constructor(readonly name: string) {}

	wake(): void {
		for (const wake of [...this.waiters]) wake();
	}

	/** Resolves on the next change, after `ms`, or when `cancelled` says so. */
	async changeOrTimeout(ms: number): Promise<void> {
		await new Promise<void>((resolve) => {
			const done = () => {
				clearTimeout(timer);
				this.waiters.delete(done);
				resolve();
			};
			const timer = setTimeout(done, Math.max(1, ms));
			this.waiters.add(done);
		});
	}
}

const md5Upper = (text: string) =>
	createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();

export class QueueStore {
	private readonly queues = new Map<string, Queue>();
	/** Every handle ever issued, so a stale handle (404) differs from a made-up one (400). */
	private readonly issued = new Set<string>();
	/** Current handle -> message ID. */
	private readonly current = new Map<string, string>();
	visibilityTimeoutMs = 30_000;
	/** Bumped by clear(): a long poll from before a reset must not take the new messages. */
	private generation = 0;

	constructor(private readonly now: () => number) {}

	create(name: string): void {
		if (!this.queues.has(name)) this.queues.set(name, new Queue(name));
	}

	remove(name: string): void {
		this.queues.get(name)?.wake();
		this.queues.delete(name);
	}

	has(name: string): boolean {
		return this.queues.has(name);
	}

	names(): string[] {
		return [...this.queues.keys()];
	}

	clear(): void {
		this.generation++;
		for (const queue of this.queues.values()) queue.wake();
		this.queues.clear();
		this.issued.clear();
		this.current.clear();
	}

	private queue(name: string): Queue {
		const queue = this.queues.get(name);
		if (!queue) throw new Error(`QueueNotExist ${name}`);
		return queue;
	}

	send(name: string, body: string, priority = 8): StoredMessage {
		const queue = this.queue(name);
		const message: StoredMessage = {
			id: randomBytes(16).toString('hex').toUpperCase(),
			body,
			bodyMd5: md5Upper(body),
			priority,
			enqueueTime: this.now(),
			firstDequeueTime: 0,
			nextVisibleTime: this.now(),
			dequeueCount: 0,
			handle: '',
		};
		queue.messages.set(message.id, message);
		queue.wake();
		return message;
	}

	private newHandle(message: StoredMessage): string {
		// Base64 with + / = on purpose: clients must send handles without mangling them.
		const handle = `1-${randomBytes(22).toString('base64')}`;
		this.current.delete(message.handle);
		message.handle = handle;
		this.issued.add(handle);
		this.current.set(handle, message.id);
		return handle;
	}

	/** Takes up to `count` visible messages in enqueue order (Priority is stored, not ordered by). */
	take(name: string, count: number): StoredMessage[] {
		const queue = this.queue(name);
		const now = this.now();
		const visible: StoredMessage[] = [];
		for (const message of queue.messages.values()) {
			if (visible.length >= count) break;
			if (message.nextVisibleTime <= now) visible.push(message);
		}
		for (const message of visible) {
			message.dequeueCount++;
			message.firstDequeueTime ||= now;
			message.nextVisibleTime = now + this.visibilityTimeoutMs;
			this.newHandle(message);
		}
		queue.received += visible.length;
		return visible.map((message) => ({ ...message }));
	}

	/** Long poll: returns as soon as a message is visible, or empty after `waitMs`. */
	async receive(
		name: string,
		count: number,
		waitMs: number,
		gone: () => boolean,
	): Promise<StoredMessage[]> {
		const deadline = this.now() + waitMs;
		const generation = this.generation;
		for (;;) {
			if (generation !== this.generation || gone()) return [];
			const taken = this.take(name, count);
			const left = deadline - this.now();
			if (taken.length > 0 || left <= 0 || gone() || !this.queues.has(name)) return taken;
			const queue = this.queue(name);
			const nextVisible = Math.min(
				...[...queue.messages.values()].map((message) => message.nextVisibleTime),
			);
			await queue.changeOrTimeout(Math.min(left, Math.max(1, nextVisible - this.now()), 250));
		}
	}

	private byHandle(name: string, handle: string): StoredMessage | HandleResult {
		if (!this.issued.has(handle)) return 'ReceiptHandleError';
		const id = this.current.get(handle);
		const message = id === undefined ? undefined : this.queue(name).messages.get(id);
		if (!message || message.nextVisibleTime <= this.now()) return 'MessageNotExist';
		return message;
	}

	delete(name: string, handle: string): HandleResult {
		const found = this.byHandle(name, handle);
		if (typeof found === 'string') return found;
		const queue = this.queue(name);
		queue.messages.delete(found.id);
		this.current.delete(handle);
		queue.deleted++;
		return 'ok';
	}

	changeVisibility(name: string, handle: string, seconds: number): StoredMessage | HandleResult {
		const found = this.byHandle(name, handle);
		if (typeof found === 'string') return found;
		found.nextVisibleTime = this.now() + seconds * 1000;
		this.newHandle(found);
		this.queue(name).wake();
		return { ...found };
	}

	stats(name: string): QueueStats {
		const queue = this.queue(name);
		const now = this.now();
		const all = [...queue.messages.values()];
		const inactive = all.filter((message) => message.nextVisibleTime > now).length;
		return {
			name,
			active: all.length - inactive,
			inactive,
			total: all.length,
			received: queue.received,
			deleted: queue.deleted,
		};
	}

	messages(name: string): StoredMessage[] {
		return [...this.queue(name).messages.values()].map((message) => ({ ...message }));
	}
}
