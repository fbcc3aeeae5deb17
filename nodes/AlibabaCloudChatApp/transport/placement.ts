/**
 * Parameters that the official SDK (`@alicloud/cams20200606`) sends in the form body, per action.
 * Every other parameter, and every parameter of an action missing here, goes in the query string.
 * Keeping the SDK's placement means our requests are byte-for-byte what Alibaba's gateway already
 * sees from its own SDK; `test/nodes/AlibabaCloudChatApp/transport/placement.test.ts` checks this
 * table against the SDK source.
 */
export const BODY_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
	AddChatappPhoneNumber: ['Cc', 'CustSpaceId', 'PhoneNumber', 'PreValidateId', 'VerifiedName'],
	BeeBotAssociate: ['ChatBotInstanceId', 'CustSpaceId', 'IsvCode', 'Perspective', 'RecommendNum', 'SessionId', 'Utterance'],
	BeeBotChat: ['ChatBotInstanceId', 'CustSpaceId', 'IntentName', 'IsvCode', 'KnowledgeId', 'Perspective', 'SenderId', 'SenderNick', 'SessionId', 'Utterance', 'VendorParam'],
	ChatappBindWaba: ['WabaId'],
	ChatappEmbedSignUp: ['InputToken'],
	ChatappPhoneNumberDeregister: ['CustSpaceId', 'PhoneNumber'],
	ChatappPhoneNumberRegister: ['CustSpaceId', 'PhoneNumber'],
	ChatappVerifyAndRegister: ['CustSpaceId', 'PhoneNumber', 'VerifyCode'],
	CreateChatappTemplate: ['AllowCategoryChange', 'Category', 'Components', 'CustSpaceId', 'CustWabaId', 'Example', 'IsvCode', 'Language', 'MessageSendTtlSeconds', 'Name', 'TemplateType'],
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
	ModifyChatappTemplate: ['Category', 'Components', 'CustSpaceId', 'CustWabaId', 'Example', 'IsvCode', 'Language', 'MessageSendTtlSeconds', 'TemplateCode', 'TemplateName', 'TemplateType'],
	ModifyFlow: ['Categories', 'CustSpaceId', 'FlowId', 'FlowName'],
	PublishFlow: ['CustSpaceId', 'FlowId'],
	SendChatappMassMessage: ['ChannelType', 'CustSpaceId', 'CustWabaId', 'FallBackContent', 'FallBackDuration', 'FallBackId', 'FallBackRule', 'From', 'IsvCode', 'Label', 'Language', 'SenderList', 'Tag', 'TaskId', 'TemplateCode', 'TemplateName', 'Ttl'],
	SendChatappMessage: ['ChannelType', 'ContextMessageId', 'CustSpaceId', 'CustWabaId', 'FallBackContent', 'FallBackDuration', 'FallBackId', 'FallBackRule', 'FlowAction', 'From', 'IsvCode', 'Label', 'Language', 'MessageType', 'ProductAction', 'Tag', 'TaskId', 'TemplateCode', 'TemplateName', 'TemplateParams', 'To', 'TrackingData', 'Ttl', 'Type'],
	UpdateFlowJSONAsset: ['CustSpaceId', 'FilePath', 'FlowId'],
	UpdatePhoneEncryptionPublicKey: ['CustSpaceId', 'EncryptionPublicKey', 'PhoneNumber'],
	UpdatePhoneMessageQrdl: ['CustSpaceId', 'GenerateQrImage', 'PhoneNumber', 'PrefilledMessage', 'QrdlCode'],
};
