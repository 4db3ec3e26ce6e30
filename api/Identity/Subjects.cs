namespace FlashSale.Api.Identity;

/// <summary>
/// What a token's subject (the shopper id) may be. Shopper ids become grain keys and ledger
/// columns, so a token naming anything else is refused at the door rather than deep inside.
/// </summary>
public static class Subjects
{
    public const int MaxLength = 128;
    public const string Rule = "1 to 128 characters, not all blank, no control characters";

    public static bool IsValid(string? subject) =>
        !string.IsNullOrWhiteSpace(subject) && subject.Length <= MaxLength && !subject.Any(char.IsControl);
}
