using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace FlashSale.Api.Identity;

/// <summary>Configuration section <c>Jwt</c>. The signing key has no default outside Development.</summary>
public sealed class JwtSettings
{
    public string Issuer { get; set; } = "flashsale";
    public string Audience { get; set; } = "flashsale-api";
    public string SigningKey { get; set; } = "";

    public SymmetricSecurityKey Key()
    {
        var bytes = Encoding.UTF8.GetBytes(SigningKey);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Jwt:SigningKey must be set to at least 32 bytes (env Jwt__SigningKey).");
        }

        return new SymmetricSecurityKey(bytes);
    }
}
