// Memory of a process and its descendants (n8n main + task runner), read from /proc (Linux only).
import fs from 'node:fs';

/** {rssMb, hwmMb} of one pid (VmRSS / VmHWM), or null when it is gone. */
function readProcStatus(pid) {
	try {
		const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (k) => Number((new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s) ?? [])[1] ?? 0);
		return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
	} catch {
		return null;
	}
}

/** Every pid below rootPid (children, grandchildren...), from the parent pid in /proc/<pid>/stat. */
function descendants(rootPid) {
	const children = new Map();
	for (const e of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(e)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (!children.has(ppid)) children.set(ppid, []);
			children.get(ppid).push(Number(e));
		} catch {}
	}
	const out = [];
	const stack = [...(children.get(rootPid) ?? [])];
	while (stack.length) {
		const p = stack.pop();
		out.push(p);
		stack.push(...(children.get(p) ?? []));
	}
	return out;
}

/** RSS (hwm = peak) of pid and of each descendant, in MB, plus the total RSS. */
export function processTreeMemory(pid) {
	const main = readProcStatus(pid);
	const children = descendants(pid).map((child) => {
		let cmd = '';
		try {
			cmd = fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').join(' ').trim();
		} catch {}
		return { pid: child, cmd, ...(readProcStatus(child) ?? { rssMb: 0, hwmMb: 0 }) };
	});
	const totalRssMb = (main?.rssMb ?? 0) + children.reduce((a, k) => a + k.rssMb, 0);
	return { main, children, totalRssMb };
}
