/** The POP gateway answers V1 calls in XML unless Format=JSON; a small serializer for that. */
const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function element(name: string, value: unknown): string {
	if (value === undefined || value === null) return '';
	if (Array.isArray(value)) return value.map((item) => element(name, item)).join('');
	if (typeof value === 'object') {
		const inner = Object.entries(value as Record<string, unknown>)
			.map(([key, child]) => element(key, child))
			.join('');
		return `<${name}>${inner}</${name}>`;
	}
	return `<${name}>${escape(String(value))}</${name}>`;
}

export function toXml(root: string, body: Record<string, unknown>): string {
	return `<?xml version='1.0' encoding='UTF-8'?>${element(root, body)}`;
}
