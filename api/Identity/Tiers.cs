namespace FlashSale.Api.Identity;

/// <summary>Member tier names, as tokens carry them and campaigns' early access names them.</summary>
public static class Tiers
{
    public const string Rule = "1 to 32 lowercase letters, digits, '-' or '_'";

    public static bool IsValid(string? tier) =>
        tier is { Length: >= 1 and <= 32 } && tier.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');
}
