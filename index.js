// The package is loaded by n8n through the "n8n" field of package.json; nothing is exported here.
module.exports = {};
