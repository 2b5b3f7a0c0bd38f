// statements.js: every statement an LRS client may read, following the
// "more" links, printed as one JSON array; with --ids only their ids,
// sorted, one per line. Also reads a JSON array from a file (--file).
// Usage: node statements.js [--ids] ENDPOINT USER:SECRET [QUERY]
//        node statements.js [--ids] --file FILE
'use strict';
const http = require('http');
const fs = require('fs');

const args = process.argv.slice(2);
const ids = args[0] === '--ids' && args.shift();

function print(list) {
	if (ids)
		console.log(list.map((s) => s.id).sort().join('\n'));
	else
		console.log(JSON.stringify(list, null, 2));
}

function get(url, auth) {
	return new Promise((resolve, reject) => {
		http.get(url, { headers: {
			'X-Experience-API-Version': '1.0.3',
			Authorization: 'Basic ' + Buffer.from(auth).toString('base64'),
		} }, (res) => {
			let body = '';
			res.on('data', (c) => { body += c; });
			res.on('end', () => res.statusCode === 200 ? resolve(JSON.parse(body))
				: reject(new Error(`HTTP ${res.statusCode}: ${body}`)));
		}).on('error', reject);
	});
}

async function main() {
	if (args[0] === '--file')
		return print(JSON.parse(fs.readFileSync(args[1], 'utf8')));
	const [endpoint, auth, query] = args;
	const origin = new URL(endpoint).origin;
	// One large page: the memory-mode LRS's "more" links can skip
	// statements when batches were stored some time apart (seen under load
	// in CI), and it sets no maximum on limit.
	let url = `${endpoint}/statements?limit=100000${query ? '&' + query : ''}`;
	const all = [];
	for (let page = 0; url && page < 1000; page++) {
		const r = await get(url, auth);
		all.push(...r.statements);
		url = r.more ? origin + r.more : '';
	}
	print(all);
}
main().catch((e) => { console.error(e.message); process.exit(1); });
