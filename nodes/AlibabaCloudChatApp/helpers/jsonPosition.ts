/**
 * Finds where a JSON text first goes wrong. Node 20's JSON.parse often says only
 * "Unexpected token '}'" without an offset, and users need to know where to look.
 * Returns the zero-based offset and the 1-based line and column, or undefined when the text parses.
 */
export function jsonErrorPosition(
	text: string,
): { offset: number; line: number; column: number } | undefined {
	let at = 0;
	const fail = (): never => {
		throw at;
	};
	const space = () => {
		while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
	};
	const literal = (word: string) => (text.startsWith(word, at) ? (at += word.length) : fail());
	const string = () => {
		at++;
		while (at < text.length && text[at] !== '"') {
			if (text.charCodeAt(at) < 0x20) fail();
			if (text[at] === '\\') {
				at++;
				if (text[at] === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail();
					at += 4;
				} else if (!'"\\/bfnrt'.includes(text[at] ?? '')) fail();
			}
			at++;
		}
		if (text[at] !== '"') fail();
		at++;
	};
	const number = () => {
		const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
		if (!match || match[0] === '-') fail();
		at += match![0].length;
	};
	const list = (close: string, entry: () => void) => {
		at++;
		space();
		if (text[at] === close) return at++;
		for (;;) {
			entry();
			space();
			if (text[at] === close) return at++;
			if (text[at] !== ',') fail();
			at++;
		}
	};
	const value = (): void => {
		space();
		const char = text[at];
		if (char === '{') {
			list('}', () => {
				space();
				if (text[at] !== '"') fail();
				string();
				space();
				if (text[at] !== ':') fail();
				at++;
				value();
			});
		} else if (char === '[') list(']', value);
		else if (char === '"') string();
		else if (char === 't') literal('true');
		else if (char === 'f') literal('false');
		else if (char === 'n') literal('null');
		else number();
	};
	try {
		value();
		space();
		if (at < text.length) fail();
		return undefined;
	} catch (offset) {
		const before = text.slice(0, offset as number).split('\n');
		return {
			offset: offset as number,
			line: before.length,
			column: before[before.length - 1].length + 1,
		};
	}
}
