using System.Text;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlashSale.Tests.Security.Support;

/// <summary>
/// Mints tokens the way an identity provider would, with the Development key, issuer and audience
/// read from the API's own settings files, or with any of them wrong on purpose.
/// </summary>
public static class Tokens
{
    private static readonly Lazy<(string Key, string Issuer, string Audience)> Settings = new(Read);

    public static string DevelopmentKey => Settings.Value.Key;

    public static string Mint(string? subject, string role = "shopper", string? issuer = null, string? audience = null, string? key = null,
        DateTimeOffset? expires = null, DateTimeOffset? notBefore = null, IDictionary<string, object>? extra = null)
    {
        var claims = new Dictionary<string, object>(extra ?? new Dictionary<string, object>(StringComparer.Ordinal), StringComparer.Ordinal) { ["role"] = role };
        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        var now = DateTimeOffset.UtcNow;
        var begins = notBefore ?? now.AddMinutes(-1);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Settings.Value.Issuer,
            Audience = audience ?? Settings.Value.Audience,
            Claims = claims,
            IssuedAt = begins.UtcDateTime,
            NotBefore = begins.UtcDateTime,
            Expires = (expires ?? now.AddMinutes(10)).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? Settings.Value.Key)),
                SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A token that says <c>alg: none</c> and carries no signature, otherwise right in every claim.</summary>
    public static string Unsigned(string subject, string role = "shopper")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = subject, ["role"] = role, ["iss"] = Settings.Value.Issuer, ["aud"] = Settings.Value.Audience,
            ["nbf"] = now - 60, ["iat"] = now - 60, ["exp"] = now + 600,
        };
        return $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{Base64Url(JsonSerializer.Serialize(payload))}.";
    }

    public static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (string, string, string) Read()
    {
        JsonElement Jwt(string file) =>
            JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "api", file))).RootElement.GetProperty("Jwt");
        var common = Jwt("appsettings.json");
        return (Jwt("appsettings.Development.json").GetProperty("SigningKey").GetString()!, common.GetProperty("Issuer").GetString()!,
            common.GetProperty("Audience").GetString()!);
    }
}
