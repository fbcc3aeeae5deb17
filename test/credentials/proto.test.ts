import { executeNode } from '../helpers/n8nCore';
import { CamsProbe } from '../helpers/probeNode';
import { startRecordingServer } from '../helpers/recordingServer';
import { verifyAcs3 } from '../helpers/acs3Verify';

test('proto', async () => {
	const server = await startRecordingServer();
	try {
		const { output, credentialsHelper } = await executeNode({
			nodeType: new CamsProbe(),
			parameters: { action: 'SendChatappMessage', params: '={{ JSON.stringify({ To: $json.to, Content: "hi *(!)", From: "123", ChannelType: "whatsapp" }) }}' },
			credentials: { accessKeyId: 'AK', accessKeySecret: 'SECRET', region: 'custom', endpoint: server.url },
			items: [{ to: '65123' }],
		});
		console.log(JSON.stringify(output), JSON.stringify(server.requests.map(r => ({...r, body: r.body.toString()})), null, 1), credentialsHelper.authenticated.length);
		console.log(verifyAcs3(server.last(), 'SECRET'));
	} finally { await server.close(); }
});
