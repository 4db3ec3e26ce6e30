using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace FlashSale.Api.Identity;

/// <summary>Configuration section <c>Jwt</c>. The signing key has no default outside Development.</summary>
public sealed class JwtSettings : IValidatableObject
{
    public const string Section = "Jwt";

    [Required]
    public string Issuer { get; set; } = "flashsale";

    [Required]
    public string Audience { get; set; } = "flashsale-api";

    public string SigningKey { get; set; } = "";

    public SymmetricSecurityKey Key() => new(Encoding.UTF8.GetBytes(SigningKey));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // HMAC-SHA256 wants a key at least as long as its hash.
        if (Encoding.UTF8.GetByteCount(SigningKey) < 32)
        {
            yield return new ValidationResult("must be set to at least 32 bytes.", [nameof(SigningKey)]);
        }
    }
}
