#:project ../../../../api/FlashSale.Api.csproj
#:property PublishAot=false

// A challenge issued by our ProofOfWork, as JSON the way the API sends it, for make-fixtures.mjs to solve
// with altcha-lib. Arguments: the HMAC key, the shopper id, the campaign id, the Idempotency-Key, the difficulty.
using System.Globalization;
using System.Text.Json;
using FlashSale.Api.Risk.Challenges;
using Microsoft.Extensions.Options;

var proofOfWork = new ProofOfWork(Options.Create(new ChallengeSettings { HmacKey = args[0] }));
var challenge = proofOfWork.Issue(args[1], Guid.Parse(args[2]), args[3], int.Parse(args[4], CultureInfo.InvariantCulture), DateTimeOffset.UtcNow);
Console.WriteLine(JsonSerializer.Serialize(challenge, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
