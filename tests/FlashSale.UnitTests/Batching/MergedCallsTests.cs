using FlashSale.Grains.Batching;

namespace FlashSale.UnitTests.Batching;

/// <summary>Requests from many grains sharing calls: one call in flight, the requests made meanwhile together in the next.</summary>
public sealed class MergedCallsTests
{
    private readonly List<(IReadOnlyList<string> Sent, TaskCompletionSource<IReadOnlyList<int>> Answer)> _calls = [];
    private readonly SemaphoreSlim _called = new(0);

    private MergedCalls<string, int> Calls() => new(requests =>
    {
        var answer = new TaskCompletionSource<IReadOnlyList<int>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_calls)
        {
            _calls.Add((requests, answer));
        }

        _called.Release();
        return answer.Task;
    });

    private async Task NextCallAsync() => Assert.True(await _called.WaitAsync(TimeSpan.FromSeconds(10)), "no call was made");

    // Answers each request with its length: a request's result must be its own.
    private void Answer(int call) => _calls[call].Answer.SetResult([.. _calls[call].Sent.Select(s => s.Length)]);

    // "a" in flight, then "bb" and "ccc" asked while it is; "a" answered, so that the second call goes.
    private async Task<(Task<int> First, Task<int> Second, Task<int> Third)> TwoWaitingOnOneAsync(MergedCalls<string, int> calls)
    {
        var first = calls.Ask("a");
        await NextCallAsync();
        var second = calls.Ask("bb");
        var third = calls.Ask("ccc");
        Answer(0);
        await NextCallAsync();
        return (first, second, third);
    }

    [Fact]
    public async Task Requests_made_while_one_call_is_in_flight_go_together_and_each_gets_its_own_result()
    {
        var (first, second, third) = await TwoWaitingOnOneAsync(Calls());

        Assert.Equal(1, await first);
        Assert.Equal(2, _calls.Count);
        Assert.Equal("bb ccc", string.Join(' ', _calls[1].Sent));

        Answer(1);
        Assert.Equal(2, await second);
        Assert.Equal(3, await third);
    }

    [Fact]
    public async Task A_failed_call_fails_the_requests_it_carried_only_and_the_next_request_is_sent_anew()
    {
        var calls = Calls();
        var (first, second, third) = await TwoWaitingOnOneAsync(calls);

        _calls[1].Answer.SetException(new TimeoutException("unreachable"));
        await Assert.ThrowsAsync<TimeoutException>(() => second);
        await Assert.ThrowsAsync<TimeoutException>(() => third);
        Assert.Equal(1, await first);

        var fourth = calls.Ask("dddd");
        await NextCallAsync();
        Answer(2);
        Assert.Equal(4, await fourth);
    }
}
