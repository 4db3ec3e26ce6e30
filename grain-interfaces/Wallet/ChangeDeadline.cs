using Orleans.Runtime;

namespace FlashSale.GrainInterfaces.Wallet;

/// <summary>
/// The moment after which a money change an API node asked for must not be made. The API node puts
/// it in the call's <see cref="RequestContext"/>; the change's transaction checks it against the
/// database's clock just before it commits, holding every lock it took. An API node that cannot
/// tell the outcome waits until the deadline has passed before it answers 503, so that by then the
/// first attempt can no longer commit: a retry cannot be overtaken by its own first attempt,
/// stalled in a frozen silo or behind a lock. (The fault harness once saw a shopper told
/// 409 already_redeemed whose first attempt, in a silo thawed seconds later, used the coupon after all.)
/// </summary>
public static class ChangeDeadline
{
    private const string Key = "flashsale.change-deadline";

    /// <summary>Milliseconds since the epoch: a primitive, so that the request context carries it to every silo as is.</summary>
    public static void Set(DateTimeOffset deadline) => RequestContext.Set(Key, deadline.ToUnixTimeMilliseconds());

    /// <summary>The current call's deadline; null for changes no API request asked for (reminders, tests of grains).</summary>
    public static DateTimeOffset? Current => RequestContext.Get(Key) is long at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null;
}
