using System.Diagnostics;
using FlashSale.LoadGen.Stats;

namespace FlashSale.LoadGen.Load;

/// <summary>
/// One worker's way of sending a claim and judging its answer. Each worker owns one, with its own body
/// buffer and timeout token source, reused request after request.
/// </summary>
public sealed class ClaimSender(
    HttpMessageInvoker http, ClaimWire wire, ClaimPlanner planner, AcknowledgedClaims acknowledged, RunStats stats, TimeSpan timeout)
{
    private byte[] _body = new byte[4096];
    private CancellationTokenSource _timeout = new();

    /// <param name="latencyFrom">The timestamp latency counts from: now (closed loop) or when the request fell due (open loop).</param>
    /// <param name="measured">Whether the request falls in the measured window.</param>
    public async Task SendAsync(long latencyFrom, bool measured)
    {
        var claim = planner.Next();
        using var request = wire.Build(claim);
        var sentAt = Stopwatch.GetTimestamp();
        _timeout.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, _timeout.Token);
            var length = await ReadBodyAsync(response.Content, _timeout.Token);
            Judge(claim, (int)response.StatusCode, ClaimAnswer.Read(_body.AsSpan(0, length)), measured, latencyFrom, sentAt);
        }
        catch (OperationCanceledException) when (_timeout.IsCancellationRequested)
        {
            stats.Failed(measured, Failure.Timeout, latencyFrom, sentAt, Stopwatch.GetTimestamp());
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            stats.Failed(measured, Failure.Transport, latencyFrom, sentAt, Stopwatch.GetTimestamp());
        }
        finally
        {
            // A fired source cannot be reset; only then is a new one needed.
            if (!_timeout.TryReset())
            {
                _timeout.Dispose();
                _timeout = new CancellationTokenSource();
            }
        }
    }

    /// <summary>Open loop: the request waited so long for a connection that the run stopped waiting for it.</summary>
    public void GiveUp(long dueAt, bool measured) => stats.Failed(measured, Failure.Unsent, dueAt, null, Stopwatch.GetTimestamp());

    private void Judge(PlannedClaim claim, int status, ClaimAnswer answer, bool measured, long latencyFrom, long sentAt)
    {
        var answeredAt = Stopwatch.GetTimestamp();
        var code = answer.Code;
        var issuedCoupon = false;
        if (status is >= 200 and < 300)
        {
            code = claim.ReplayOf is not null ? "replayed" : wire.IssuesCoupons && answer.CouponId is null ? "no_coupon_id" : "";
            if (claim.ReplayOf is { } first && wire.IssuesCoupons)
            {
                acknowledged.ReplayJudged(answer.CouponId == first ? null : $"{Describe(claim)} first got coupon {first}, then {status} with coupon {answer.CouponId}");
            }
            else if (claim.ReplayOf is null && (answer.CouponId is not null || !wire.IssuesCoupons))
            {
                acknowledged.Add(new AcknowledgedClaim(claim.Shopper, claim.Campaign, claim.KeySequence, answer.CouponId ?? Guid.Empty));
                issuedCoupon = wire.IssuesCoupons;
            }
        }
        else
        {
            if (code == "sold_out")
            {
                acknowledged.SawSoldOut(claim.Campaign);
            }

            // A key that got a coupon keeps it forever; only "try again later" (5xx) is no answer to that.
            if (claim.ReplayOf is { } first && wire.IssuesCoupons && status < 500)
            {
                acknowledged.ReplayJudged($"{Describe(claim)} first got coupon {first}, then {status} {code}");
            }
        }

        stats.Answered(measured, status, code, issuedCoupon, latencyFrom, sentAt, answeredAt);
    }

    private static string Describe(PlannedClaim claim) => $"shopper #{claim.Shopper}, key #{claim.KeySequence}, campaign #{claim.Campaign}:";

    private async ValueTask<int> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var length = 0;
        while (true)
        {
            if (length == _body.Length)
            {
                Array.Resize(ref _body, _body.Length * 2);
            }

            var read = await stream.ReadAsync(_body.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return length;
            }

            length += read;
        }
    }
}
