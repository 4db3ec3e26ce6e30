namespace FlashSale.GrainInterfaces.Risk;

/// <summary>The names risk decisions are audited under, stable for queries and dashboards.</summary>
public static class RiskRules
{
    public const string DailyClaimCap = "daily_claim_cap";
    public const string MaxAccountsPerDevice = "max_accounts_per_device";
    public const string MaxClaimsPerDevice = "max_claims_per_device";
    public const string MaxClaimsPerDevicePerDay = "max_claims_per_device_per_day";
}
