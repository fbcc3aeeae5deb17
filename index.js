// n8n loads the package through the "n8n" field of package.json, so this file is not published.
// It gives scripts in this repository one place to get the compiled classes (run `npm run build` first).
const { n8n } = require('./package.json');

const load = (file) => Object.values(require(`./${file}`))[0];

module.exports = {
	nodes: n8n.nodes.map(load),
	credentials: n8n.credentials.map(load),
};
