// The editor's dynamic-parameter endpoints: n8n runs a node's `methods` server-side with a stored credential.
// Verified against n8n@2.8.4 (@n8n/api-types@1.8.1):
//   POST /rest/dynamic-node-parameters/options                 methods.loadOptions -> {data: INodePropertyOptions[]}
//   POST /rest/dynamic-node-parameters/resource-locator-results methods.listSearch (+ filter?, paginationToken?)
//                                                              -> {data: {results, paginationToken?}}
//   POST /rest/dynamic-node-parameters/resource-mapper-fields   methods.resourceMapping -> {data: {fields: [...]}}
//   (also /local-resource-mapper-fields and /action-result {handler, payload}; not used here)
// Common body: {path, nodeTypeAndVersion: {name, version}, currentNodeParameters, methodName?,
//               credentials?: {<credType>: {id, name}}, projectId?, workflowId?}

/** The common body; `credential` ({id, name, type}) is a shortcut for `credentials`. */
export function dynamicBody({
	nodeType,
	typeVersion = 1,
	path: paramPath = 'parameters',
	currentNodeParameters = {},
	credentials,
	credential,
	methodName,
	...rest
}) {
	if (!credentials && credential)
		credentials = { [credential.type]: { id: credential.id, name: credential.name } };
	const body = {
		path: paramPath,
		nodeTypeAndVersion: { name: nodeType, version: typeVersion },
		currentNodeParameters,
	};
	if (methodName) body.methodName = methodName;
	if (credentials) body.credentials = credentials;
	return { ...body, ...rest };
}

/** methods.loadOptions[methodName] -> INodePropertyOptions[] */
export async function loadOptions(client, args) {
	return await client.rest('POST', '/dynamic-node-parameters/options', dynamicBody(args));
}

/** methods.listSearch[methodName] -> {results, paginationToken?} */
export async function listSearch(client, { filter, paginationToken, ...args }) {
	const body = dynamicBody(args);
	if (filter !== undefined) body.filter = filter;
	if (paginationToken !== undefined) body.paginationToken = paginationToken;
	return await client.rest('POST', '/dynamic-node-parameters/resource-locator-results', body);
}

/** methods.resourceMapping[methodName] -> {fields} */
export async function resourceMapperFields(client, args) {
	return await client.rest(
		'POST',
		'/dynamic-node-parameters/resource-mapper-fields',
		dynamicBody(args),
	);
}
