using FlashSale.Api.Risk.Challenges;
using FlashSale.Api.Risk.Rules;
using FlashSale.Api.Risk.Signals;
using FlashSale.Operations.Settings;

namespace FlashSale.Api.Risk;

public static class RiskSetup
{
    /// <summary>
    /// The API node's part of risk control: edge limits, the blocklist copy, the rules' copy and their engine,
    /// the signals (this node's activity, reported to the cluster's shards every second), escalation, proofs of
    /// work, and the audit recorder.
    /// </summary>
    public static IServiceCollection AddFlashSaleRisk(this IServiceCollection services)
    {
        services.AddFlashSaleEdgeLimits();
        services.AddSettings<RiskFlagSettings>(RiskFlagSettings.Section);
        services.AddSingleton<LocalBlocklist>();
        services.AddSingleton<BlocklistRefresh>();
        services.AddHostedService(provider => provider.GetRequiredService<BlocklistRefresh>());
        services.AddSingleton<RiskAuditRecorder>();
        services.AddHostedService(provider => provider.GetRequiredService<RiskAuditRecorder>());
        services.AddSingleton<LocalRules>();
        services.AddSingleton<RuleRefresh>();
        services.AddHostedService(provider => provider.GetRequiredService<RuleRefresh>());
        services.AddSingleton<RiskEngine>();
        services.AddSingleton<SignalMeanings>();
        services.AddSettings<EscalationSettings>(EscalationSettings.Section);
        services.AddSingleton<Escalation>();
        services.AddSingleton<LocalActivity>();
        services.AddSingleton<ActivityReporting>();
        services.AddHostedService(provider => provider.GetRequiredService<ActivityReporting>());
        services.AddSingleton<RecentClaims>();
        services.AddSingleton<ClaimChallenges>();
        services.AddSingleton<CampaignFetches>();
        services.AddSingleton<ClaimScreening>();
        services.AddProofOfWork();
        return services;
    }
}
