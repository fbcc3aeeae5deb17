/**
 * Parameters that the official Node SDK (`@alicloud/cams20200606` 1.4.2) sends in the form body,
 * per action. Keeping the SDK's placement means our requests are byte-for-byte what Alibaba's
 * gateway already sees from its own SDK; `test/nodes/AlibabaCloudChatApp/transport/placement.test.ts`
 * checks this table against the SDK source.
 */
export const BODY_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
	AddChatappPhoneNumber: ['Cc', 'CustSpaceId', 'PhoneNumber', 'PreValidateId', 'VerifiedName'],
	BeeBotAssociate: [
		'ChatBotInstanceId',
		'CustSpaceId',
		'IsvCode',
		'Perspective',
		'RecommendNum',
		'SessionId',
		'Utterance',
	],
	BeeBotChat: [
		'ChatBotInstanceId',
		'CustSpaceId',
		'IntentName',
		'IsvCode',
		'KnowledgeId',
		'Perspective',
		'SenderId',
		'SenderNick',
		'SessionId',
		'Utterance',
		'VendorParam',
	],
	ChatappBindWaba: ['WabaId'],
	ChatappEmbedSignUp: ['InputToken'],
	ChatappPhoneNumberDeregister: ['CustSpaceId', 'PhoneNumber'],
	ChatappPhoneNumberRegister: ['CustSpaceId', 'PhoneNumber'],
	ChatappVerifyAndRegister: ['CustSpaceId', 'PhoneNumber', 'VerifyCode'],
	CreateChatappTemplate: [
		'AllowCategoryChange',
		'Category',
		'Components',
		'CustSpaceId',
		'CustWabaId',
		'Example',
		'IsvCode',
		'Language',
		'MessageSendTtlSeconds',
		'Name',
		'TemplateType',
	],
	CreateFlow: ['Categories', 'CustSpaceId', 'FlowName'],
	CreatePhoneMessageQrdl: ['CustSpaceId', 'GenerateQrImage', 'PhoneNumber', 'PrefilledMessage'],
	DeleteFlow: ['CustSpaceId', 'FlowId'],
	DeletePhoneMessageQrdl: ['CustSpaceId', 'PhoneNumber', 'QrdlCode'],
	DeprecateFlow: ['CustSpaceId', 'FlowId'],
	GetChatappVerifyCode: ['CustSpaceId', 'Locale', 'Method', 'PhoneNumber'],
	GetFlow: ['CustSpaceId', 'FlowId'],
	GetFlowJSONAssest: ['CustSpaceId', 'FlowId'],
	GetFlowPreviewUrl: ['CustSpaceId', 'FlowId'],
	GetPermissionByCode: ['Code', 'CustSpaceId', 'Permissions'],
	GetPhoneEncryptionPublicKey: ['CustSpaceId', 'PhoneNumber'],
	GetPhoneNumberVerificationStatus: ['CustSpaceId', 'PhoneNumber'],
	GetPreValidatePhoneId: ['PhoneNumber', 'VerifyCode'],
	IsvGetAppId: ['Permissions', 'Type'],
	ListFlow: ['CustSpaceId', 'FlowName', 'Page'],
	ListPhoneMessageQrdl: ['CustSpaceId', 'PhoneNumber'],
	ModifyChatappTemplate: [
		'Category',
		'Components',
		'CustSpaceId',
		'CustWabaId',
		'Example',
		'IsvCode',
		'Language',
		'MessageSendTtlSeconds',
		'TemplateCode',
		'TemplateName',
		'TemplateType',
	],
	ModifyFlow: ['Categories', 'CustSpaceId', 'FlowId', 'FlowName'],
	PublishFlow: ['CustSpaceId', 'FlowId'],
	SendChatappMassMessage: [
		'ChannelType',
		'CustSpaceId',
		'CustWabaId',
		'FallBackContent',
		'FallBackDuration',
		'FallBackId',
		'FallBackRule',
		'From',
		'IsvCode',
		'Label',
		'Language',
		'SenderList',
		'Tag',
		'TaskId',
		'TemplateCode',
		'TemplateName',
		'Ttl',
	],
	SendChatappMessage: [
		'ChannelType',
		'ContextMessageId',
		'CustSpaceId',
		'CustWabaId',
		'FallBackContent',
		'FallBackDuration',
		'FallBackId',
		'FallBackRule',
		'FlowAction',
		'From',
		'IsvCode',
		'Label',
		'Language',
		'MessageType',
		'ProductAction',
		'Tag',
		'TaskId',
		'TemplateCode',
		'TemplateName',
		'TemplateParams',
		'To',
		'TrackingData',
		'Ttl',
		'Type',
	],
	UpdateFlowJSONAsset: ['CustSpaceId', 'FilePath', 'FlowId'],
	UpdatePhoneEncryptionPublicKey: ['CustSpaceId', 'EncryptionPublicKey', 'PhoneNumber'],
	UpdatePhoneMessageQrdl: [
		'CustSpaceId',
		'GenerateQrImage',
		'PhoneNumber',
		'PrefilledMessage',
		'QrdlCode',
	],
};

/** Where the newer official SDK comes from; cited per entry of `GO_SDK_V6_BODY`. */
export const GO_SDK_V6_SOURCE =
	'https://github.com/alibabacloud-go/cams-20200606 v6.3.0 (2026-07-14), client/client.go: each <Action>WithOptions puts every field in query or in the formData body';

/**
 * Form-body parameters per action in the Go SDK v6.3.0 (see `GO_SDK_V6_SOURCE`), for every action
 * this package calls; an empty list means the Go SDK sends all of them in the query. It covers
 * the actions and parameters that Node SDK 1.4.2 predates (ListChatappMessage, the Instance
 * actions, ModifyChatappTemplateProperties, GetWhatsappHealthStatus, the DirectMail actions,
 * `CategoryChangePaused` of CreateChatappTemplate…). The placement test fails when the node calls
 * an action that has no entry here.
 */
export const GO_SDK_V6_BODY: Readonly<Record<string, readonly string[]>> = {
	AddChatappPhoneNumber: [],
	BindDmAccount: [],
	ChatappBindWaba: [],
	ChatappPhoneNumberDeregister: [],
	ChatappPhoneNumberRegister: [],
	ChatappSyncPhoneNumber: [],
	ChatappVerifyAndRegister: [],
	CreateChatappTemplate: [
		'AllowCategoryChange',
		'Category',
		'CategoryChangePaused',
		'Components',
		'CustSpaceId',
		'CustWabaId',
		'Example',
		'IsvCode',
		'Language',
		'MessageSendTtlSeconds',
		'Name',
		'TemplateType',
	],
	CreateInstance: [],
	DeleteChatappTemplate: [],
	DeleteInstance: [],
	GeneratePresignedUrl: [],
	GetChatappPhoneNumberMetric: [],
	GetChatappTemplateDetail: [],
	GetChatappTemplateMetric: [],
	GetChatappUploadAuthorization: [],
	GetChatappVerifyCode: [],
	GetPhoneNumberVerificationStatus: [],
	GetWhatsappHealthStatus: [],
	ListBindDmAccount: [],
	ListChatappMessage: [],
	ListChatappTemplate: [],
	ListDmAccount: [],
	ListInstagramPage: [],
	ListInstance: [],
	ListViberServiceMessage: [],
	ModifyChatappTemplate: [
		'Category',
		'CategoryChangePaused',
		'Components',
		'CustSpaceId',
		'CustWabaId',
		'Example',
		'IsvCode',
		'Language',
		'MessageSendTtlSeconds',
		'TemplateCode',
		'TemplateName',
		'TemplateType',
	],
	ModifyChatappTemplateProperties: [],
	ModifyPhoneBusinessProfile: [],
	QueryChatappBindWaba: [],
	QueryChatappPhoneNumbers: [],
	QueryInstance: [],
	QueryPhoneBusinessProfile: [],
	QueryWabaBusinessInfo: [],
	SendChatappMassMessage: [],
	SendChatappMessage: [],
	UnbindDmAccount: [],
	UpdateAccountWebhook: [],
	UpdateInstance: [],
	UpdatePhoneWebhook: [],
};

const bodyNames = new Map<string, ReadonlySet<string>>();

/**
 * The form-body parameters of an action: the Node SDK 1.4.2 placement where it has the action
 * (verified byte for byte), plus what the Go SDK v6 puts in the body for parameters added since.
 * Every other parameter goes in the query string.
 */
export function bodyParameters(action: string): ReadonlySet<string> {
	let names = bodyNames.get(action);
	if (!names) {
		names = new Set([...(BODY_PARAMETERS[action] ?? []), ...(GO_SDK_V6_BODY[action] ?? [])]);
		bodyNames.set(action, names);
	}
	return names;
}
