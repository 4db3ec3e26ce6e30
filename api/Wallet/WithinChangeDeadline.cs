using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Wallet;
using Microsoft.Extensions.Options;

namespace FlashSale.Api.Wallet;

/// <summary>
/// Gives a money change its <see cref="ChangeDeadline"/> and answers within it. When the outcome is
/// unknown (the grain call failed or is still running) the answer waits until the deadline, and the
/// clock skew allowed between this node and PostgreSQL, have passed: from then on this attempt can no
/// longer commit, so the client's retry sees the change as it stands and cannot be overtaken by it.
/// </summary>
public sealed class WithinChangeDeadline(IOptions<ChangeDeadlineSettings> settings, TimeProvider clock) : IEndpointFilter
{
    /// <summary>How far this node's clock and the database's may disagree.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMilliseconds(500);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var deadline = clock.GetUtcNow() + settings.Value.Deadline;
        var safeAfter = deadline + ClockSkew;
        ChangeDeadline.Set(deadline);
        var answer = next(context).AsTask();
        try
        {
            return await answer.WaitAsync(Until(safeAfter), clock);
        }
        catch (TimeoutException) when (!answer.IsCompleted)
        {
            // Still running: whatever it has not committed by now is refused at its commit (what it did commit,
            // in time, a retry replays).
            _ = answer.ContinueWith(static failed => failed.Exception, TaskContinuationOptions.OnlyOnFaulted);
            return Results.Extensions.Unavailable("The change could not be confirmed in time and can no longer be made by this attempt; send the same request again.");
        }
        catch (Exception e) when (ProblemCodes.IsUnknownOutcome(e, context.HttpContext))
        {
            // A failed call may have reached a silo that is still working on it (frozen, or behind a lock).
            // Bad input (a body too large or unreadable) is answered at once: nothing was sent anywhere.
            await Task.Delay(Until(safeAfter), clock);
            throw;
        }
    }

    private TimeSpan Until(DateTimeOffset moment) => TimeSpan.FromTicks(Math.Max(0, (moment - clock.GetUtcNow()).Ticks));
}

public static class ChangeDeadlineEndpoints
{
    /// <summary>Marks an endpoint as a money change: made within its deadline or never (see <see cref="WithinChangeDeadline"/>).</summary>
    public static RouteHandlerBuilder WithinChangeDeadline(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter<WithinChangeDeadline>();
}
