using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlashSale.Api.Identity;

/// <summary>
/// Remembers tokens that validated, until they expire: a shopper racing for coupons sends the same
/// token many times a second, and checking its signature again each time was a large share of the
/// API's work per claim. Only successes are cached; a cached token still expires on time.
/// </summary>
public sealed class CachingTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    // Bounded so that a flood of distinct valid tokens costs memory only up to this many entries.
    private const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<string, (ClaimsIdentity Identity, SecurityToken Token, DateTime ValidTo)> _validated = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_validated.TryGetValue(token, out var known) && known.ValidTo > now)
        {
            // A copy per request: nothing downstream may change the cached identity.
            return new TokenValidationResult { IsValid = true, ClaimsIdentity = known.Identity.Clone(), SecurityToken = known.Token };
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } securityToken)
        {
            if (_validated.Count >= MaxEntries)
            {
                _validated.Clear();
            }

            _validated[token] = (result.ClaimsIdentity.Clone(), securityToken, securityToken.ValidTo);
        }

        return result;
    }
}
