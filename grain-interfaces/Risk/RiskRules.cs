namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// The names the built-in checks' decisions are audited under, stable for queries and dashboards. Operators'
/// rules are audited under their own names (with their id and revision in the evidence).
/// </summary>
public static class RiskRules
{
    public const string DailyClaimCap = "daily_claim_cap";
    public const string MaxAccountsPerDevice = "max_accounts_per_device";
    public const string MaxClaimsPerDevice = "max_claims_per_device";
    public const string MaxClaimsPerDevicePerDay = "max_claims_per_device_per_day";
    public const string BlockedShopper = "blocked_shopper";
    public const string BlockedDevice = "blocked_device";
    public const string BlockedAddress = "blocked_address";
    public const string BlockedFingerprint = "blocked_fingerprint";
    public const string RateLimit = "rate_limit";

    // Flags: the claim goes through, marked for review.
    public const string InstantClaimWithoutFetch = "instant_claim_without_fetch";
    public const string NewAccountsBurst = "new_accounts_burst";
}
