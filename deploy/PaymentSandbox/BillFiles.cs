using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace FlashSale.PaymentSandbox;

/// <summary>
/// Statements made by /v3/bill/tradebill, kept for their download_url. The file is made once, when the bill is asked
/// for, so that the download matches the hash even while the day goes on. Links last 5 minutes, as WeChat's do.
/// </summary>
internal sealed class BillFiles(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, BillFile> _byToken = new(StringComparer.Ordinal);

    public string Keep(PaymentChannel channel, byte[] content)
    {
        var now = time.GetUtcNow();
        foreach (var (token, file) in _byToken)
        {
            if (file.Expires < now)
            {
                _byToken.TryRemove(token, out _);
            }
        }

        var newToken = RandomNumberGenerator.GetHexString(32, lowercase: true);
        _byToken[newToken] = new BillFile(channel.Name, content, now + Lifetime);
        return newToken;
    }

    public byte[]? Find(PaymentChannel channel, string token) =>
        _byToken.TryGetValue(token, out var file) && file.Channel == channel.Name && file.Expires >= time.GetUtcNow() ? file.Content : null;

    private sealed record BillFile(string Channel, byte[] Content, DateTimeOffset Expires);
}
