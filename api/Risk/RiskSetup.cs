using FlashSale.Api.Risk.Challenges;
using FlashSale.Operations.Settings;

namespace FlashSale.Api.Risk;

public static class RiskSetup
{
    /// <summary>The API node's part of risk control: edge limits, the blocklist copy, flags and the audit recorder.</summary>
    public static IServiceCollection AddFlashSaleRisk(this IServiceCollection services)
    {
        services.AddFlashSaleEdgeLimits();
        services.AddSettings<RiskFlagSettings>(RiskFlagSettings.Section);
        services.AddSingleton<LocalBlocklist>();
        services.AddSingleton<BlocklistRefresh>();
        services.AddHostedService(provider => provider.GetRequiredService<BlocklistRefresh>());
        services.AddSingleton<RiskAuditRecorder>();
        services.AddHostedService(provider => provider.GetRequiredService<RiskAuditRecorder>());
        services.AddSingleton<CampaignFetches>();
        services.AddSingleton<ClaimScreening>();
        services.AddProofOfWork();
        return services;
    }
}
