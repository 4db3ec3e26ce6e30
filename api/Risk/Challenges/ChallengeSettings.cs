using System.ComponentModel.DataAnnotations;
using System.Text;

namespace FlashSale.Api.Risk.Challenges;

/// <summary>Configuration section <c>Risk:Challenges</c> on API nodes: how proof-of-work challenges are signed and how long they last.</summary>
public sealed class ChallengeSettings : IValidatableObject
{
    public const string Section = "Risk:Challenges";

    /// <summary>
    /// The HMAC-SHA256 key challenges are signed with, as text (its UTF-8 bytes are the key, as ALTCHA's own
    /// libraries take it). Every API node shares it: any node may check a challenge another issued.
    /// Only Development has one in its settings file.
    /// </summary>
    public string HmacKey { get; set; } = "";

    /// <summary>How long a shopper has to solve a challenge and send the claim with it.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "must be between 10 s and an hour.")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // HMAC-SHA256 wants a key at least as long as its hash.
        if (Encoding.UTF8.GetByteCount(HmacKey) < 32)
        {
            yield return new ValidationResult("must be set to at least 32 bytes.", [nameof(HmacKey)]);
        }
    }
}
