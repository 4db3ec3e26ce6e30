using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Wallet;

/// <summary>A campaign's imported card secrets (key: the campaign id): imports take turns here.</summary>
[Alias("FlashSale.ICardSecretsGrain")]
public interface ICardSecretsGrain : IGrainWithGuidKey
{
    /// <summary>Stores the secrets after those already imported, refusing duplicates and any beyond the campaign's stock.</summary>
    [Alias("Import")]
    Task<SecretImport> Import(ImmutableArray<string> secrets, string importedBy);
}

/// <summary>Why one secret of an import was refused, by its position in the import.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RefusedSecret")]
public sealed record RefusedSecret(
    [property: Id(0)] int Index,
    [property: Id(1)] string Reason);

/// <summary>What an import did: how many it stored, the total now, and what it refused.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.SecretImport")]
public sealed record SecretImport(
    [property: Id(0)] bool CampaignFound,
    [property: Id(1)] int Imported,
    [property: Id(2)] int TotalImported,
    [property: Id(3)] ImmutableArray<RefusedSecret> Refused);

/// <summary>A coupon's card secret, shown to its holder.</summary>
[GenerateSerializer, Alias("FlashSale.SecretOutcome")]
public enum SecretOutcome
{
    Revealed,
    /// <summary>Not the caller's coupon, or not a card-secret campaign.</summary>
    NotFound,
    /// <summary>The campaign has not imported this coupon's secret yet.</summary>
    NotImported,
}

[GenerateSerializer, Immutable, Alias("FlashSale.SecretReveal")]
public sealed record SecretReveal(
    [property: Id(0)] SecretOutcome Outcome,
    [property: Id(1)] string? Secret = null);
