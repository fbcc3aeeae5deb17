import type { IDataObject } from 'n8n-workflow';

/** The answer CAMS needs to count a push as delivered (https://help.aliyun.com/en/chatapp/developer-reference/chatappstatus-1): HTTP 200 and a numeric `code` 0. */
export const ACKNOWLEDGEMENT: IDataObject = { code: 0, msg: 'success' };

export type RejectionStatus = 400 | 401;

/** A JSON error body; `code` repeats the HTTP status so CAMS (which checks `code`) sees a failure. */
export function rejection(status: RejectionStatus, msg: string): IDataObject {
	return { code: status, msg };
}
