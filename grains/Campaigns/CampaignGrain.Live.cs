using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Live;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// What the campaign tells the outside as it goes: inventory snapshots to dashboards, its state at
/// the opening and the end, operator alerts (low stock, sold out, risk spikes), and gates to API nodes.
/// </summary>
public sealed partial class CampaignGrain
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(200);

    private string? _announcedState;
    private IGrainTimer? _liveTimer;
    private IGrainTimer? _edgeTimer;
    private int _quietTicks;
    // Low-stock thresholds already crossed: each alerts once, until a restock lifts the stock above it again.
    private readonly HashSet<int> _lowStockAlerted = [];
    private DateTimeOffset _lastRiskSpike = DateTimeOffset.MinValue;

    private void Counted(ClaimOutcome refusal)
    {
        var now = clock.GetUtcNow();
        _live.Tick(now);
        _live.Refused(refusal);
        AlertRiskSpike(now);
        PublishSoon();
        SaveRefusalsSoon();
    }

    // Checked as refusals are counted, so that a second's count is judged before the second rolls over.
    private void AlertRiskSpike(DateTimeOffset now)
    {
        var spike = liveAlerts.Value;
        if (_live.RiskThisSecond >= spike.RiskSpikePerSecond && now - _lastRiskSpike >= spike.RiskSpikeQuiet)
        {
            _lastRiskSpike = now;
            PublishAlert("risk_spike", _live.RiskThisSecond);
        }
    }

    public Task CountRefusals(System.Collections.Immutable.ImmutableDictionary<string, int> refusals)
    {
        if (Definition is not null)
        {
            var now = clock.GetUtcNow();
            _live.Tick(now);
            foreach (var (code, count) in refusals)
            {
                _live.Refused(code, count);
            }

            AlertRiskSpike(now);
            PublishSoon();
            SaveRefusalsSoon();
        }

        return Task.CompletedTask;
    }

    public async Task<InventorySnapshot?> Snapshot() =>
        Definition is null ? null : Definition.IsGroup ? await Group.Snapshot(View()) : SnapshotForSubscriber();

    // A subscriber's snapshot must not swallow a change the publisher has yet to send to everyone else.
    private InventorySnapshot SnapshotForSubscriber()
    {
        var pending = _live.Changed;
        var snapshot = TakeSnapshot();
        _live.Changed |= pending;
        return snapshot;
    }

    private InventorySnapshot TakeSnapshot()
    {
        var now = clock.GetUtcNow();
        var (perSecond, rejections, firstCommit) = _live.Take(now);
        return new InventorySnapshot(Definition!.Id, Admission.Remaining, Issued, perSecond, rejections, View().Phase.Name(), now,
            firstCommit, Held);
    }

    /// <summary>
    /// Dashboards hear of a change within 200 ms and at most every 200 ms, whatever the claim rate:
    /// a timer runs while changes come, and stops once the campaign has been quiet for two seconds.
    /// </summary>
    private void PublishSoon()
    {
        // A group's figures are its units', which its group grain adds up.
        if (Definition?.IsGroup == true)
        {
            Group.Republish().Ignore();
            return;
        }

        _live.Changed = true;
        _quietTicks = 0;
        _liveTimer ??= this.RegisterGrainTimer(PublishSnapshotAsync,
            new GrainTimerCreationOptions { DueTime = LiveInterval, Period = LiveInterval, Interleave = true });
    }

    private Task PublishSnapshotAsync(CancellationToken cancellationToken)
    {
        if (_live.Changed)
        {
            var snapshot = TakeSnapshot();
            inventories.Publish(snapshot);
            if (Definition!.ParentId is { } group)
            {
                GrainFactory.GetGrain<ICampaignGroupGrain>(group).UnitInventory(snapshot).Ignore();
            }
        }
        else if (++_quietTicks >= 10)
        {
            _liveTimer?.Dispose();
            _liveTimer = null;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Tells dashboards that the campaign opened or ended while this activation lives. The timer is
    /// only the messenger: claims are judged by the clock at the moment they arrive, never by it.
    /// </summary>
    private void TimeNextEdge()
    {
        _edgeTimer?.Dispose();
        _edgeTimer = null;
        if (Admission.Draft)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var edge = now < Definition!.StartsAt ? Definition.StartsAt : now < Definition.EndsAt ? Definition.EndsAt : (DateTimeOffset?)null;
        // A far edge is left to a later activation: grain timers cannot wait weeks.
        if (edge is { } at && at - now <= MaxEdgeWait)
        {
            _edgeTimer = this.RegisterGrainTimer(PublishEdgeAsync, at,
                new GrainTimerCreationOptions { DueTime = at - now, Period = Timeout.InfiniteTimeSpan, Interleave = true });
        }
    }

    private static readonly TimeSpan MaxEdgeWait = TimeSpan.FromDays(1);

    private Task PublishEdgeAsync(DateTimeOffset edge, CancellationToken cancellationToken)
    {
        // Timers may fire a little early; the state must have changed before it is announced.
        if (clock.GetUtcNow() >= edge)
        {
            PublishState(View().Phase.Name());
            PublishSoon();
        }

        TimeNextEdge();
        return Task.CompletedTask;
    }

    private void AlertLowStock(bool publish)
    {
        var remaining = Admission.Remaining;
        foreach (var percent in liveAlerts.Value.LowStockPercents.Order().Reverse())
        {
            if ((long)remaining * 100 <= (long)percent * Admission.TotalStock && _lowStockAlerted.Add(percent) && publish)
            {
                PublishAlert("low_stock", percent);
            }
        }
    }

    private void PublishAlert(string kind, int? threshold) =>
        GrainFactory.GetGrain<ILiveHubGrain>(0).OperatorAlert(
            new OperatorAlert(Definition!.Id, kind, threshold, Admission.Remaining, clock.GetUtcNow())).Ignore();

    // The timer, the schedule's reminder and a control may all announce one change: dashboards hear it once.
    private void PublishState(string state)
    {
        if (state != _announcedState)
        {
            _announcedState = state;
            inventories.Restate(Definition!.Id, state);
            GrainFactory.GetGrain<ILiveHubGrain>(0).StateChanged(new StateChange(Definition!.Id, state, clock.GetUtcNow())).Ignore();
        }
    }

    // Drafts have no gate: API nodes send their claims here, to be told the campaign does not exist.
    private void PublishGate()
    {
        if (!Admission.Draft)
        {
            GrainFactory.GetGrain<ILiveHubGrain>(0).GateChanged(HandOutGate(clock.GetUtcNow())).Ignore();
        }
    }
}
