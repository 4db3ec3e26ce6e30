using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// The signals rules may test, each a number worked out by the server for every claim. Counts are over
/// the last day (accounts, devices) or the last minute (claims), cluster-wide as of the last second plus
/// what the answering node saw since; a subject's score is what matched rules added over ten minutes.
/// </summary>
public static class RiskSignals
{
    public const string ShopperClaimsPerMinute = "shopper.claims_per_minute";
    public const string ShopperDevices = "shopper.devices";
    public const string ShopperAgeSeconds = "shopper.age_seconds";
    public const string ShopperScore = "shopper.score";
    public const string DeviceAccounts = "device.accounts";
    public const string DeviceClaimsPerMinute = "device.claims_per_minute";
    public const string FingerprintAccounts = "fingerprint.accounts";
    public const string FingerprintDevices = "fingerprint.devices";
    public const string FingerprintClaimsPerMinute = "fingerprint.claims_per_minute";
    public const string FingerprintScore = "fingerprint.score";
    public const string PrefixAccounts = "prefix.accounts";
    public const string PrefixClaimsPerMinute = "prefix.claims_per_minute";
    public const string MillisecondsSinceOpening = "sale.ms_since_opening";
    public const string MissingBrowserHeaders = "request.missing_browser_headers";
    public const string FetchedCampaign = "request.fetched_campaign";

    public static readonly ImmutableSortedDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ShopperClaimsPerMinute] = "claims by this shopper in the last minute",
        [ShopperDevices] = "device ids this shopper claimed from (a day)",
        [ShopperAgeSeconds] = "seconds since risk control first saw this shopper",
        [ShopperScore] = "score matched rules gave this shopper (ten minutes)",
        [DeviceAccounts] = "shoppers who claimed with this device id (a day)",
        [DeviceClaimsPerMinute] = "claims with this device id in the last minute",
        [FingerprintAccounts] = "shoppers who claimed from this fingerprint (a day)",
        [FingerprintDevices] = "device ids sent from this fingerprint (a day): a rotating script's tell",
        [FingerprintClaimsPerMinute] = "claims from this fingerprint in the last minute",
        [FingerprintScore] = "score matched rules gave this fingerprint (ten minutes)",
        [PrefixAccounts] = "shoppers who claimed from this address range (/24 or /48, a day)",
        [PrefixClaimsPerMinute] = "claims from this address range in the last minute",
        [MillisecondsSinceOpening] = "milliseconds between the sale's opening and the claim (negative before it)",
        [MissingBrowserHeaders] = "how many of User-Agent, Accept, Accept-Language and Accept-Encoding the request lacks",
        [FetchedCampaign] = "1 when this device read the campaign before claiming, else 0",
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);
}
