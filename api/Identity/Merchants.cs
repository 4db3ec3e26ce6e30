using System.Security.Claims;

namespace FlashSale.Api.Identity;

/// <summary>
/// Tenancy: marketing and merchant users work for one merchant, named by their token's
/// <c>merchant</c> claim (tokens without one work for <see cref="Default"/>, as everything did
/// before tenancy). Shoppers are shared by every merchant; admins see all.
/// </summary>
public static class Merchants
{
    public const string Claim = "merchant";

    /// <summary>The campaigns' own default (<c>CampaignDefinition.DefaultMerchant</c>), spelled here too for the benchmark baseline, which shares this file.</summary>
    public const string Default = "default";
    public const int MaxLength = 64;
    public const string Rule = "1 to 64 letters, digits, '-', '_' or '.'";

    public static bool IsValid(string? merchant) =>
        merchant is { Length: >= 1 and <= MaxLength } && merchant.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The merchant the caller works for.</summary>
    public static string MerchantId(this ClaimsPrincipal user) => user.FindFirst(Claim)?.Value ?? Default;

    /// <summary>
    /// Whose campaigns the caller may see and change as marketing: their merchant's; null for admins
    /// and for everyone else (shoppers and the public see every merchant's published campaigns).
    /// </summary>
    public static string? CampaignScope(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || !user.IsInRole(Roles.Marketing) ? null : user.MerchantId();
}
