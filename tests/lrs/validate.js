// validate.js: check xAPI statements with Learning Locker's validator
// (@learninglocker/xapi-validation). Each file holds one JSON array of
// statements, or one statement per line. Prints every problem with the
// file and statement number; exit 1 when there is any, 2 on bad input.
// Usage: node validate.js FILE...   (NODE_PATH: the installed packages)
'use strict';
const fs = require('fs');
const validate = require('@learninglocker/xapi-validation').default;

function statements(text) {
	const t = text.trim();
	if (t.startsWith('['))
		return JSON.parse(t);
	return t === '' ? [] : t.split('\n').map((l) => JSON.parse(l));
}

let problems = 0, count = 0;
for (const file of process.argv.slice(2)) {
	let list;
	try {
		list = statements(fs.readFileSync(file, 'utf8'));
	} catch (e) {
		console.error(`${file}: ${e.message}`);
		process.exit(2);
	}
	list.forEach((s, i) => {
		count++;
		for (const w of validate(s)) {
			console.log(`${file}: statement ${i + 1}: ` +
				`${w.constructor.name} at ${(w.path || []).join(".")}`);
			problems++;
		}
	});
}
console.log(`${count} statements, ${problems} problems`);
process.exit(problems ? 1 : 0);
