// lrs.js: a real xAPI Learning Record Store for klantcoach's tests.
// Starts a tiny client-info endpoint (the credentials below) and Learning
// Locker's statements service (xapi-statements, memory mode) in this one
// process, both bound to 127.0.0.1 on ports the kernel picks. Writes the
// LRS port to the file given as the first argument once it listens.
// Usage: node lrs.js PORTFILE STORAGEDIR   (NODE_PATH: the installed packages)
'use strict';
const http = require('http');
const fs = require('fs');

const [portFile, storageDir] = process.argv.slice(2);
if (!portFile || !storageDir) {
	console.error('usage: node lrs.js PORTFILE STORAGEDIR');
	process.exit(2);
}

// Every server in this process listens on loopback only.
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (port, ...rest) {
	const cb = rest.find((a) => typeof a === 'function');
	return listen.call(this, port, '127.0.0.1', cb);
};

// Test clients: "key:secret" -> client. Trainees may write and read only
// the statements they wrote themselves ("mine": by client, in Learning
// Locker); the coach reads everything and writes feedback.
const org = '5a0000000000000000000001';
const lrs = '5a0000000000000000000002';
const client = (id, title, scopes) => ({
	_id: id, title, isTrusted: true, lrs_id: lrs, organisation: org, scopes,
	authority: { objectType: 'Agent', name: title,
		account: { homePage: 'http://127.0.0.1/klantcoach-test', name: id } },
});
const clients = {
	'cursist-a:geheim-a': client('5a00000000000000000000a1', 'cursist-a',
		['statements/write', 'statements/read/mine']),
	'cursist-b:geheim-b': client('5a00000000000000000000b1', 'cursist-b',
		['statements/write', 'statements/read/mine']),
	'coach:geheim-c': client('5a00000000000000000000c1', 'coach',
		['statements/read', 'statements/write']),
	// A trainee who may read the coach's feedback: Learning Locker's
	// scopes cannot limit reading to one's own registrations, so this
	// client reads everything (tests of feedback reaching a trainee).
	'cursist-d:geheim-d': client('5a00000000000000000000d1', 'cursist-d',
		['statements/write', 'statements/read']),
};

const info = http.createServer((req, res) => {
	const auth = req.headers.authorization || '';
	const m = /^Basic (.+)$/.exec(auth);
	const pair = m ? Buffer.from(m[1], 'base64').toString() : '';
	const c = clients[pair];
	res.writeHead(c ? 200 : 404, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(c || { message: 'no such client' }));
});

info.listen(0, () => {
	const p = info.address().port;
	Object.assign(process.env, {
		MODELS_REPO: 'memory', EVENTS_REPO: 'test', STORAGE_REPO: 'local',
		AUTH_REPO: 'fetch', FS_LOCAL_STORAGE_DIR: storageDir,
		EXPRESS_MORGAN_DIRECTORY: storageDir + '/accessLogs',
		LL_CLIENT_INFO_ENDPOINT: `http://127.0.0.1:${p}/client`,
		EXPRESS_PORT: '0', WINSTON_CONSOLE_LEVEL: 'warn',
		SERVICE_AWAIT_UPDATES: 'true',
	});
	// The LRS listens on port 0: note the port the kernel gave it.
	const seen = http.Server.prototype.listen;
	http.Server.prototype.listen = function (...args) {
		this.once('listening', () => {
			const tmp = portFile + '.tmp';
			fs.writeFileSync(tmp, String(this.address().port) + '\n');
			fs.renameSync(tmp, portFile);
		});
		return seen.apply(this, args);
	};
	require('xapi-statements/dist/server');
});
