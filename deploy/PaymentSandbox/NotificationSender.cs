using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace FlashSale.PaymentSandbox;

/// <summary>
/// Delivers notifications the way WeChat does: POST, acknowledged only by 200 or 204 within 5 s, otherwise retried on
/// WeChat's schedule (scaled by Sandbox:RetryScale), each attempt freshly signed. The channel's faults shape it: drop,
/// delay, reorder, duplicate, signature probes, and waiting while the channel is down.
/// </summary>
internal sealed partial class NotificationSender(
    PlatformKey key, Faults faults, Stats stats, TimeProvider time, IOptions<SandboxOptions> options, ILogger<NotificationSender> logger) : BackgroundService
{
    /// <summary>WeChat's intervals between attempts: 15 retries over about 24 hours.</summary>
    private static readonly TimeSpan[] RetryIntervals =
    [
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60),
        TimeSpan.FromHours(3), TimeSpan.FromHours(3), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(6),
    ];

    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ReorderHold = TimeSpan.FromMilliseconds(300);

    private const string ProbePrefix = "WECHATPAY/SIGNTEST/";

    private readonly Channel<Notification> _queue = Channel.CreateUnbounded<Notification>(new UnboundedChannelOptions { SingleReader = true });

    // No proxy: notify URLs are the merchant's, on this machine. Redirects are not an acknowledgement.
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    // Bounds the posts in flight, and keeps the wait for a slot out of the merchant's 5 seconds.
    private readonly SemaphoreSlim _posting = new(64);

    private readonly Lock _reordering = new();
    private readonly Dictionary<string, List<Notification>> _heldForReorder = new(StringComparer.Ordinal);

    private readonly double _retryScale = options.Value.RetryScale;

    /// <summary>Hands a notification over for delivery; a "drop" fault decides here that it is never sent.</summary>
    public void Enqueue(Notification notification)
    {
        var counters = stats.For(notification.Channel);
        if (Random.Shared.NextDouble() < faults.For(notification.Channel).Drop)
        {
            counters.Add(Counter.Dropped);
            LogDropped(notification.EventType, notification.Id);
            return;
        }

        counters.Add(Counter.Notifications);
        counters.Add(Counter.Pending);
        _queue.Writer.TryWrite(notification);
    }

    public override void Dispose()
    {
        _http.Dispose();
        _posting.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var notification in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            _ = HoldThenDeliverAsync(notification, stoppingToken);
        }
    }

    private async Task HoldThenDeliverAsync(Notification notification, CancellationToken stopping)
    {
        var inForce = faults.For(notification.Channel);
        try
        {
            if (inForce.DelayMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(inForce.DelayMs), time, stopping);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (inForce.Reorder)
        {
            HoldForReorder(notification, stopping);
        }
        else
        {
            await DeliverAsync(notification, firstAttempt: null, stopping);
        }
    }

    /// <summary>The first notification of a channel starts a 300 ms window; all that arrive in it leave together, newest first.</summary>
    private void HoldForReorder(Notification notification, CancellationToken stopping)
    {
        lock (_reordering)
        {
            if (_heldForReorder.TryGetValue(notification.Channel.Name, out var held))
            {
                held.Add(notification);
                return;
            }

            _heldForReorder[notification.Channel.Name] = [notification];
        }

        _ = ReleaseReversedAsync(notification.Channel, stopping);
    }

    private async Task ReleaseReversedAsync(PaymentChannel channel, CancellationToken stopping)
    {
        List<Notification> held;
        try
        {
            await Task.Delay(ReorderHold, time, stopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            lock (_reordering)
            {
                held = _heldForReorder[channel.Name];
                _heldForReorder.Remove(channel.Name);
            }
        }

        // One at a time until each has had its first attempt, so that the reversed order is the order of arrival.
        for (var i = held.Count - 1; i >= 0; i--)
        {
            var firstAttempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = DeliverAsync(held[i], firstAttempt, stopping);
            await firstAttempt.Task;
        }
    }

    private async Task DeliverAsync(Notification notification, TaskCompletionSource? firstAttempt, CancellationToken stopping)
    {
        var counters = stats.For(notification.Channel);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                // While the channel is down its notifications wait, and go out when it is up again.
                await faults.WhenUpAsync(notification.Channel, stopping);
                var acknowledged = await AttemptAsync(notification, stopping);
                firstAttempt?.TrySetResult();
                if (acknowledged)
                {
                    counters.Add(Counter.Acknowledged);
                    LogAcknowledged(notification.EventType, notification.Id, attempt);
                    return;
                }

                if (attempt > RetryIntervals.Length)
                {
                    counters.Add(Counter.Abandoned);
                    LogAbandoned(notification.EventType, notification.Id, notification.Url, attempt);
                    return;
                }

                var wait = RetryIntervals[attempt - 1] * _retryScale;
                LogRetrying(notification.EventType, notification.Id, attempt, wait);
                await Task.Delay(wait, time, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: undelivered notifications go with the rest of the in-memory state.
        }
        catch (Exception e)
        {
            LogFailed(e, notification.EventType, notification.Id);
        }
        finally
        {
            firstAttempt?.TrySetResult();
            counters.Add(Counter.Pending, -1);
        }
    }

    /// <summary>One attempt: perhaps a signature probe first, then the delivery, perhaps twice at once.</summary>
    private async Task<bool> AttemptAsync(Notification notification, CancellationToken stopping)
    {
        var inForce = faults.For(notification.Channel);
        var counters = stats.For(notification.Channel);
        if (Random.Shared.NextDouble() < inForce.SignTest)
        {
            counters.Add(Counter.ProbesSent);
            var probe = await PostAsync(notification, probe: true, stopping);
            if (probe.Acknowledged)
            {
                counters.Add(Counter.ProbesAccepted);
                LogProbeAccepted(notification.EventType, notification.Id, notification.Url);
            }
        }

        var copies = Random.Shared.NextDouble() < inForce.Duplicate ? 2 : 1;
        var answers = await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => PostAsync(notification, probe: false, stopping)));
        counters.Add(Counter.NotificationsSent, copies);
        var acknowledged = answers.Any(answer => answer.Acknowledged);
        if (!acknowledged)
        {
            LogNotAcknowledged(notification.EventType, notification.Id, notification.Url, answers[0].Describe());
        }

        return acknowledged;
    }

    private async Task<DeliveryAnswer> PostAsync(Notification notification, bool probe, CancellationToken stopping)
    {
        await _posting.WaitAsync(stopping);
        try
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = RandomText.Alphanumeric(32);
            var signature = probe ? ProbePrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(256)) : key.Sign(SignedMessage(timestamp, nonce, notification.Body));
            using var request = new HttpRequestMessage(HttpMethod.Post, notification.Url) { Content = new ByteArrayContent(notification.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("Wechatpay-Serial", key.Serial);
            request.Headers.TryAddWithoutValidation("Wechatpay-Signature", signature);
            request.Headers.TryAddWithoutValidation("Wechatpay-Timestamp", timestamp);
            request.Headers.TryAddWithoutValidation("Wechatpay-Nonce", nonce);
            request.Headers.TryAddWithoutValidation("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
            request.Headers.TryAddWithoutValidation("Request-ID", Guid.NewGuid().ToString());

            using var timeout = new CancellationTokenSource(AnswerTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
            using var response = await _http.SendAsync(request, linked.Token);
            return new DeliveryAnswer((int)response.StatusCode, Failure: null);
        }
        catch (HttpRequestException e)
        {
            // The outer message is always "An error occurred while sending the request"; the inner one says what (refused, reset).
            return new DeliveryAnswer(Status: null, e.InnerException?.Message ?? e.Message);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new DeliveryAnswer(Status: null, "no answer within 5 s");
        }
        finally
        {
            _posting.Release();
        }
    }

    /// <summary>What WeChat signs: timestamp, nonce and the raw body, each followed by a line feed.</summary>
    private static byte[] SignedMessage(string timestamp, string nonce, byte[] body)
    {
        var head = Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message, head.Length);
        message[^1] = (byte)'\n';
        return message;
    }

    private readonly record struct DeliveryAnswer(int? Status, string? Failure)
    {
        public bool Acknowledged => Status is StatusCodes.Status200OK or StatusCodes.Status204NoContent;

        public string Describe() => Status is { } status ? $"HTTP {status.ToString(CultureInfo.InvariantCulture)}" : Failure ?? "no answer";
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{EventType} {Id} acknowledged at attempt {Attempt}")]
    private partial void LogAcknowledged(string eventType, string id, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{EventType} {Id} to {Url} not acknowledged: {Answer}")]
    private partial void LogNotAcknowledged(string eventType, string id, Uri url, string answer);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{EventType} {Id}: attempt {Attempt} failed, the next in {Wait}")]
    private partial void LogRetrying(string eventType, string id, int attempt, TimeSpan wait);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{EventType} {Id} to {Url} abandoned after {Attempts} attempts, as WeChat gives up")]
    private partial void LogAbandoned(string eventType, string id, Uri url, int attempts);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{EventType} {Id}: {Url} accepted a signature probe (a WECHATPAY/SIGNTEST/ signature)")]
    private partial void LogProbeAccepted(string eventType, string id, Uri url);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "{EventType} {Id} dropped (sandbox fault): it will never be sent")]
    private partial void LogDropped(string eventType, string id);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "{EventType} {Id}: delivery stopped by an unexpected error")]
    private partial void LogFailed(Exception exception, string eventType, string id);
}
