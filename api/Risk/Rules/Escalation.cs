using System.Collections.Concurrent;
using FlashSale.Api.Risk.Signals;
using FlashSale.GrainInterfaces.Live;
using FlashSale.GrainInterfaces.Risk;
using Microsoft.Extensions.Options;

namespace FlashSale.Api.Risk.Rules;

/// <summary>
/// Turns scores into blocks: when matched rules have given a subject (shopper, device id, fingerprint,
/// address range) a score over ten minutes at or past the threshold, it is blocked for a while, on every
/// route that moves value, and operators get an alert saying which rules got it there. A subject is
/// blocked once while its block holds: one claim of several crossing the threshold at once on this node
/// asks for the block, and the blocklist keeps the first of several nodes' (the others stay silent).
/// </summary>
public sealed class Escalation(IClusterClient cluster, BlocklistRefresh blocklist, LocalActivity activity, IOptions<EscalationSettings> settings,
    TimeProvider clock, ILogger<Escalation> logger)
{
    public const string CreatedBy = RiskBlock.EscalationCreator;
    private readonly ConcurrentDictionary<(SubjectKind Kind, string Value), DateTimeOffset> _blockedUntil = new();

    public void Check(ClaimSignals claim, IReadOnlyList<(SubjectKind Kind, string Value, int Score)> scores, RiskJudgement judgement)
    {
        var (threshold, blockFor, kinds) = (settings.Value.Threshold, settings.Value.BlockFor, settings.Value.Kinds);
        var now = clock.GetUtcNow();
        foreach (var (kind, value, score) in scores)
        {
            if (score < threshold || !kinds.Contains(kind) || value == "unknown" || !Claimed((kind, value), now, now + blockFor))
            {
                continue;
            }

            var why = $"score {score} ≥ {threshold} in ten minutes, from rules: {string.Join(", ", judgement.Matched.Select(r => r.Name).Distinct(StringComparer.Ordinal))}";
            _ = BlockAsync(claim.CampaignId, new RiskBlock(Guid.CreateVersion7(now), BlockKindOf(kind), value, why, CreatedBy, now, now + blockFor));
        }
    }

    /// <summary>
    /// True for the one claim (of several at once) that gets to block the subject: the others see its
    /// entry, and the check and the entry are one atomic step.
    /// </summary>
    private bool Claimed((SubjectKind Kind, string Value) subject, DateTimeOffset now, DateTimeOffset until)
    {
        while (true)
        {
            if (_blockedUntil.TryAdd(subject, until))
            {
                return true;
            }

            if (!_blockedUntil.TryGetValue(subject, out var blockedUntil) || blockedUntil > now)
            {
                return false;
            }

            if (_blockedUntil.TryUpdate(subject, until, blockedUntil))
            {
                return true;
            }
        }
    }

    private async Task BlockAsync(Guid campaignId, RiskBlock block)
    {
        try
        {
            var blocks = cluster.GetGrain<IBlocklistGrain>(0);
            if ((await blocks.Block(block)).Id != block.Id)
            {
                // Another node's escalation of this subject is in force: it blocked the cluster and told the operators.
                return;
            }

            var linked = settings.Value.BlockLinkedAccounts && block.Kind == BlockKind.Fingerprint
                ? await blocks.BlockLinkedAccounts(block, activity.AccountsOf(SubjectKind.Fingerprint, block.Value))
                : 0;
            await blocklist.RefreshAsync();
            var detail = $"{block.Kind.ToString().ToLowerInvariant()} {block.Value}{(linked > 0 ? $" and {linked} linked account(s)" : "")} "
                + $"blocked until {block.ExpiresAt:O}: {block.Reason}";
            await cluster.GetGrain<ILiveHubGrain>(0).OperatorAlert(
                new OperatorAlert(campaignId, "risk_escalation", settings.Value.Threshold, 0, block.CreatedAt, detail));
            EscalationLog.Blocked(logger, block.Kind, block.Value, block.Reason);
        }
        catch (Exception e)
        {
            _blockedUntil.TryRemove((KindOf(block.Kind), block.Value), out _);
            EscalationLog.BlockFailed(logger, e, block.Kind, block.Value);
        }
    }

    private static BlockKind BlockKindOf(SubjectKind kind) => kind switch
    {
        SubjectKind.Shopper => BlockKind.Shopper,
        SubjectKind.Device => BlockKind.Device,
        SubjectKind.Fingerprint => BlockKind.Fingerprint,
        _ => BlockKind.Address,
    };

    private static SubjectKind KindOf(BlockKind kind) => kind switch
    {
        BlockKind.Shopper => SubjectKind.Shopper,
        BlockKind.Device => SubjectKind.Device,
        BlockKind.Fingerprint => SubjectKind.Fingerprint,
        _ => SubjectKind.Prefix,
    };
}

internal static partial class EscalationLog
{
    [LoggerMessage(EventId = 1231, Level = LogLevel.Warning, Message = "Risk escalation blocked {Kind} {Value}: {Reason}")]
    public static partial void Blocked(ILogger logger, BlockKind kind, string value, string reason);

    [LoggerMessage(EventId = 1232, Level = LogLevel.Error, Message = "Risk escalation could not block {Kind} {Value}")]
    public static partial void BlockFailed(ILogger logger, Exception exception, BlockKind kind, string value);
}
