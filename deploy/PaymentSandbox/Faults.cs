namespace FlashSale.PaymentSandbox;

/// <summary>The misbehaviour in force on one channel (PROTOCOL.md, "test controls"). Probabilities are in [0, 1].</summary>
internal sealed record ChannelFaults(bool Down, int DelayMs, double Duplicate, double Drop, bool Reorder, double SignTest)
{
    public static readonly ChannelFaults None = new(Down: false, DelayMs: 0, Duplicate: 0, Drop: 0, Reorder: false, SignTest: 0);
}

/// <summary>PUT /sandbox/faults: every field optional, absent means unchanged; no channel means every channel.</summary>
internal sealed record FaultsUpdate(string? Channel, bool? Down, int? DelayMs, double? Duplicate, double? Drop, bool? Reorder, double? SignTest)
{
    public ChannelFaults ApplyTo(ChannelFaults faults) => new(
        Down ?? faults.Down, DelayMs ?? faults.DelayMs, Duplicate ?? faults.Duplicate, Drop ?? faults.Drop, Reorder ?? faults.Reorder, SignTest ?? faults.SignTest);

    /// <summary>Why the update cannot be applied, or null.</summary>
    public string? Problem() =>
        DelayMs < 0 ? "delayMs must be >= 0"
        : !IsProbability(Duplicate) ? "duplicate must be a probability in [0, 1]"
        : !IsProbability(Drop) ? "drop must be a probability in [0, 1]"
        : !IsProbability(SignTest) ? "signTest must be a probability in [0, 1]"
        : null;

    private static bool IsProbability(double? value) => value is null or (>= 0 and <= 1);
}

/// <summary>
/// The faults of every channel. A channel that is down holds its notifications back: each delivery waits on
/// <see cref="WhenUpAsync"/>, which completes the moment the channel is up again.
/// </summary>
internal sealed class Faults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ChannelFaults> _current = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _up = new(StringComparer.Ordinal);

    public Faults(PaymentChannels channels)
    {
        foreach (var channel in channels.All)
        {
            _current[channel.Name] = ChannelFaults.None;
            _up[channel.Name] = Completed();
        }
    }

    public ChannelFaults For(PaymentChannel channel)
    {
        lock (_gate)
        {
            return _current[channel.Name];
        }
    }

    public Task WhenUpAsync(PaymentChannel channel, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _up[channel.Name].Task.WaitAsync(cancellationToken);
        }
    }

    public void Apply(FaultsUpdate update, IEnumerable<PaymentChannel> channels)
    {
        lock (_gate)
        {
            foreach (var channel in channels)
            {
                var before = _current[channel.Name];
                var after = update.ApplyTo(before);
                _current[channel.Name] = after;
                if (after.Down && !before.Down)
                {
                    _up[channel.Name] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                else if (!after.Down && before.Down)
                {
                    _up[channel.Name].TrySetResult();
                }
            }
        }
    }

    public SortedDictionary<string, ChannelFaults> All()
    {
        lock (_gate)
        {
            return new SortedDictionary<string, ChannelFaults>(_current, StringComparer.Ordinal);
        }
    }

    private static TaskCompletionSource Completed()
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        up.SetResult();
        return up;
    }
}
