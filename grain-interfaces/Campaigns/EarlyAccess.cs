using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>Members of <see cref="Tier"/> (the <c>tier</c> claim of their token) may claim <see cref="Lead"/> before everyone else.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.EarlyAccess")]
public sealed record EarlyAccess(
    [property: Id(0)] string Tier,
    [property: Id(1)] TimeSpan Lead);

public static class EarlyAccessRules
{
    /// <summary>When a shopper of <paramref name="tier"/> (null: no tier) may start claiming.</summary>
    public static DateTimeOffset OpensFor(this ImmutableArray<EarlyAccess> early, DateTimeOffset startsAt, string? tier)
    {
        if (tier is null || early.IsDefaultOrEmpty)
        {
            return startsAt;
        }

        foreach (var rule in early)
        {
            if (rule.Tier == tier)
            {
                return startsAt - rule.Lead;
            }
        }

        return startsAt;
    }

    /// <summary>When the first shoppers may start claiming: the earliest tier's opening, or the campaign's own.</summary>
    public static DateTimeOffset FirstOpening(this ImmutableArray<EarlyAccess> early, DateTimeOffset startsAt) =>
        early.IsDefaultOrEmpty ? startsAt : startsAt - early.Max(rule => rule.Lead > TimeSpan.Zero ? rule.Lead : TimeSpan.Zero);
}
