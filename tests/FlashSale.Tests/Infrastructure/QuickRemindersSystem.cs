namespace FlashSale.Tests.Infrastructure;

/// <summary>
/// A running system whose durable reminders tick every 5 s instead of every minute (<c>Reminders__Period</c>): for the
/// tests of what a reminder does after a silo crash, which would otherwise wait up to a minute for its next tick.
/// </summary>
public sealed class QuickRemindersSystem : RunningSystem
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override IReadOnlyDictionary<string, string> SharedSettings { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["Reminders__Period"] = "00:00:05" };
}

/// <summary>The reminder-after-a-crash classes share one such system, one at a time (each brings back what a test before it left down).</summary>
[CollectionDefinition(Name)]
public sealed class QuickRemindersCollection : ICollectionFixture<QuickRemindersSystem>
{
    public const string Name = "quick reminders system";
}
