/**
 * n8n's resume-link signature, recomputed independently of n8n-core: the hex HMAC-SHA256 of the
 * link's host + path + query without `signature`, keyed with the instance's HMAC secret
 * (N8N_HMAC_SIGNATURE_SECRET). Used by the jest tests and, through ts-node, by the e2e suite.
 */
import { createHmac } from 'node:crypto';

export function resumeSignatureValid(link: string, secret: string): boolean {
	const url = new URL(link);
	const signature = url.searchParams.get('signature');
	url.searchParams.delete('signature');
	const expected = createHmac('sha256', secret)
		.update(url.host + url.pathname + url.search)
		.digest('hex');
	return signature === expected;
}
