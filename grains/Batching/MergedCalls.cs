namespace FlashSale.Grains.Batching;

/// <summary>
/// Requests that share calls: at most one call in flight, and the requests made meanwhile, by any
/// grain of the silo, go together in the next. Nothing waits when no call is in flight, so an idle
/// silo pays no delay and a busy one pays one call per round trip instead of one per request. Each
/// request gets its own result, or the error of the call that carried it.
/// </summary>
/// <param name="call">Makes one call for the requests given, answering one result per request, in order.</param>
public sealed class MergedCalls<TRequest, TResult>(Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> call)
{
    private readonly Lock _lock = new();
    private List<Pending> _waiting = [];
    private bool _inFlight;

    public Task<TResult> Ask(TRequest request)
    {
        var pending = new Pending(request);
        bool send;
        lock (_lock)
        {
            _waiting.Add(pending);
            send = !_inFlight;
            _inFlight = true;
        }

        if (send)
        {
            // Off the asking grain's scheduler: the calls serve every grain of the silo.
            _ = Task.Run(SendWhileWaitingAsync);
        }

        return pending.Result.Task;
    }

    private async Task SendWhileWaitingAsync()
    {
        while (TakeWaiting() is { } batch)
        {
            try
            {
                var results = await call([.. batch.Select(p => p.Request)]);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Result.SetResult(results[i]);
                }
            }
            catch (Exception e)
            {
                batch.ForEach(p => p.Result.TrySetException(e));
            }
        }
    }

    private List<Pending>? TakeWaiting()
    {
        lock (_lock)
        {
            if (_waiting.Count == 0)
            {
                _inFlight = false;
                return null;
            }

            var batch = _waiting;
            _waiting = [];
            return batch;
        }
    }

    private sealed class Pending(TRequest request)
    {
        public TRequest Request { get; } = request;

        public TaskCompletionSource<TResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
