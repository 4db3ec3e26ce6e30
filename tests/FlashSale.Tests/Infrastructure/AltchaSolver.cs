using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FlashSale.Tests.Infrastructure;

/// <summary>
/// Solves an ALTCHA challenge the way a script would, on one core: tries counters until the PBKDF2 key of
/// nonce and counter starts with the key prefix, and answers with the widget's payload (base64 JSON of the
/// challenge as given and the solution) for the <c>X-Altcha</c> header.
/// </summary>
public static class AltchaSolver
{
    public static string Solve(JsonElement challenge)
    {
        var parameters = challenge.GetProperty("parameters");
        var nonce = Convert.FromHexString(parameters.GetProperty("nonce").GetString()!);
        var salt = Convert.FromHexString(parameters.GetProperty("salt").GetString()!);
        var (cost, length, prefix) = (parameters.GetProperty("cost").GetInt32(), parameters.GetProperty("keyLength").GetInt32(),
            parameters.GetProperty("keyPrefix").GetString()!);
        var password = new byte[nonce.Length + sizeof(uint)];
        nonce.CopyTo(password, 0);
        for (var counter = 0u; ; counter++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(password.AsSpan(nonce.Length), counter);
            var key = Convert.ToHexStringLower(Rfc2898DeriveBytes.Pbkdf2(password, salt, cost, HashAlgorithmName.SHA256, length));
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                var payload = JsonSerializer.Serialize(new { challenge, solution = new { counter, derivedKey = key } });
                return Convert.ToBase64String(Encoding.UTF8.GetBytes(payload));
            }
        }
    }
}
