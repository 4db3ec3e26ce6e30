using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Rules;

/// <summary>Keeps this node's rules current: a rule saved on any node judges claims everywhere within <see cref="Period"/>, without a restart.</summary>
public sealed class RuleRefresh(IClusterClient cluster, LocalRules rules, ILogger<RuleRefresh> logger) : PeriodicRefresh(Period, logger)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    public override async Task RefreshAsync()
    {
        if (await cluster.GetGrain<IRiskRulesGrain>(0).ChangedSince(rules.Version) is { } changed)
        {
            rules.Replace(changed);
        }
    }
}
