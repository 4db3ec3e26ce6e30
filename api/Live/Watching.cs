using Microsoft.AspNetCore.SignalR;

namespace FlashSale.Api.Live;

/// <summary>
/// The campaigns one connection watches, kept in the connection's own items and gone with it. No
/// lock: SignalR runs one hub method of a connection at a time (MaximumParallelInvocationsPerClient
/// is 1, see Program.cs).
/// </summary>
internal static class Watching
{
    private static readonly object Key = new();

    public static HashSet<Guid> Of(HubCallerContext connection)
    {
        if (connection.Items.TryGetValue(Key, out var watched) && watched is HashSet<Guid> campaigns)
        {
            return campaigns;
        }

        campaigns = [];
        connection.Items[Key] = campaigns;
        return campaigns;
    }
}
