namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// A campaign's limits beyond its per-shopper limit. Null means no limit, except
/// <see cref="DailyClaimCap"/>, where null means the platform's default cap.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RiskPolicy")]
public sealed record RiskPolicy(
    [property: Id(0)] int? MaxAccountsPerDevice = null,
    [property: Id(1)] int? MaxClaimsPerDevice = null,
    [property: Id(2)] int? MaxClaimsPerDevicePerDay = null,
    [property: Id(3)] int? DailyClaimCap = null)
{
    public static readonly RiskPolicy None = new();
}
