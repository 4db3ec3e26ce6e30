namespace FlashSale.Scalpers.Crowd;

/// <summary>
/// The farm's accounts, dealt round-robin over its header sets, then its /24s, then the addresses it rents in
/// each; every request will carry a fresh device id (<see cref="Sale.FarmScript"/>).
/// </summary>
public static class Farm
{
    public static IReadOnlyList<HeaderSet> HeaderSets(bool mimicsBrowser) =>
        mimicsBrowser ? [FarmHeaders.MimickedChrome] : [FarmHeaders.PythonRequests, FarmHeaders.CopiedChrome];

    public static IReadOnlyList<FarmAccount> Accounts(int count, int ranges, bool mimicsBrowser, string runId, AddressPlan addresses)
    {
        var sets = HeaderSets(mimicsBrowser);
        return [.. Enumerable.Range(0, count).Select(n =>
        {
            var range = n / sets.Count % ranges;
            return new FarmAccount(n, $"{runId}-farm-{n}", addresses.Farm(range, n / (sets.Count * ranges)), range, sets[n % sets.Count]);
        })];
    }
}
