// Makes payloads.json for tests/FlashSale.UnitTests/Risk/ProofOfWorkTests.cs: the payloads ALTCHA's widget
// would send after solving
//   altchaLib: a challenge that altcha-lib 2.8.0 (ALTCHA's reference server library) created and signed with
//              the key below, over its own canonical JSON;
//   ours:      a challenge that our ProofOfWork issued (issue-challenge.cs, run with `dotnet run`);
// each solved by altcha-lib. The test checks that ProofOfWork.Verify accepts both: that we sign the
// parameters as ALTCHA does, and that we check a solution as it makes one.
//
// To make them again (Node 20 or later, the .NET 10 SDK), from the repository's root:
//   cd tests/FlashSale.UnitTests/Risk/altcha-fixtures && npm ci && node make-fixtures.mjs
// and commit payloads.json. The challenges expire two minutes after they are made: the test sets its clock
// to madeAt.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createChallenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

const hmacKey = 'altcha-fixture-key-for-unit-tests-only-0123456789';
const shopperId = 'sam';
const campaignId = '6f1c2e1a-4b4e-4c41-9a35-0d3c2a7b5e10';
const idempotencyKey = 'claim-1';
const madeAt = Math.floor(Date.now() / 1000);

// What ProofOfWork binds a challenge to (AltchaData): SHA-256 of each field's UTF-8 after its length in
// bytes (4 bytes, big-endian).
function subject(...fields) {
  const hash = createHash('sha256');
  for (const field of fields) {
    const bytes = Buffer.from(field, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hash.update(length).update(bytes);
  }
  return hash.digest('hex');
}

// As the widget sends it (its verify()): base64 of the challenge as it was given and the solution.
async function solved(challenge) {
  const solution = await solveChallenge({ challenge, deriveKey });
  return btoa(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution }));
}

// Difficulty 1 (ProofOfWork's ChallengeDifficulty): a one-digit prefix, 1,000 iterations.
const theirs = await createChallenge({
  algorithm: 'PBKDF2/SHA-256',
  cost: 1_000,
  keyLength: 32,
  keyPrefix: '0',
  expiresAt: madeAt + 120,
  data: { subject: subject(shopperId, campaignId, idempotencyKey) },
  deriveKey,
  hmacSignatureSecret: hmacKey,
});

const issued = execFileSync('dotnet', ['run', 'issue-challenge.cs', '--', hmacKey, shopperId, campaignId, idempotencyKey, '1'],
  { cwd: import.meta.dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
// The challenge is the last line: anything before it is the build's.
const ours = JSON.parse(issued.trim().split('\n').at(-1));

const fixtures = {
  hmacKey, shopperId, campaignId, idempotencyKey, madeAt,
  altchaLib: await solved(theirs),
  ours: await solved(ours),
};
writeFileSync(new URL('payloads.json', import.meta.url), JSON.stringify(fixtures, null, 2) + '\n');
console.log(`payloads.json: made at ${new Date(madeAt * 1000).toISOString()}`);
