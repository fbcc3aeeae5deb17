/** The counters behind `stats()` and `GET /__control/stats`. */
import type { EmulatorState } from './state';
import type { PushRecord } from './types';

export interface EmulatorStats {
	calls: number;
	accepted: Record<string, number>;
	rejected: Record<string, number>;
	throttled: Record<string, number>;
	serverErrors: Record<string, number>;
	resets: Record<string, number>;
	sends: number;
	/** Accepted sends whose (From, To, TemplateCode/Content, TaskId) was accepted before. */
	duplicates: number;
	pushes: {
		total: number;
		delivered: number;
		failed: number;
		pending: number;
		skipped: number;
		attempts: number;
	};
}

export function collectStats(state: EmulatorState, records: PushRecord[]): EmulatorStats {
	return {
		calls: state.calls.length,
		...structuredClone(state.counters),
		sends: state.sends.length,
		duplicates: state.duplicates,
		pushes: {
			total: records.length,
			delivered: records.filter((push) => push.delivered).length,
			failed: records.filter((push) => push.done && !push.delivered && !push.skipped).length,
			pending: records.filter((push) => !push.done).length,
			skipped: records.filter((push) => push.skipped).length,
			attempts: records.reduce((sum, push) => sum + push.attempts.length, 0),
		},
	};
}
