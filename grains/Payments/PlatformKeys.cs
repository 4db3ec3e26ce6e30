using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FlashSale.Grains.Payments;

/// <summary>
/// The gateways' platform public keys, by channel and serial, from <c>/{channel}/v3/certificates</c>.
/// A key is trusted because it arrives encrypted with the channel's APIv3 key, which only the gateway
/// and we hold. A serial not known is looked up again, but at most once per <see cref="RefetchInterval"/>
/// per channel: forged notifications naming made-up serials must not turn into a flood of fetches.
/// </summary>
public sealed class PlatformKeys(PaymentChannels channels, TimeProvider clock, ILogger<PlatformKeys> logger)
{
    internal static readonly TimeSpan RefetchInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, ChannelKeys> _byChannel = new(StringComparer.Ordinal);

    /// <summary>
    /// The SubjectPublicKeyInfo (DER) of the channel's key of that serial, or null when the gateway does
    /// not list it (or could not be asked). Bytes rather than an RSA object: each verification imports its
    /// own, so no key object is shared between threads or disposed under a reader.
    /// </summary>
    public async ValueTask<byte[]?> FindAsync(string channel, string serial, CancellationToken ct)
    {
        var keys = _byChannel.GetOrAdd(channel, _ => new ChannelKeys());
        if (keys.BySerial.TryGetValue(serial, out var known))
        {
            return known;
        }

        await keys.Fetching.WaitAsync(ct);
        try
        {
            // Another caller may have fetched while this one waited.
            if (keys.BySerial.TryGetValue(serial, out known))
            {
                return known;
            }

            var now = clock.GetUtcNow();
            if (keys.FetchedAt is { } last && now - last < RefetchInterval)
            {
                return null;
            }

            keys.FetchedAt = now;
            if (await FetchAsync(channel, ct) is { } fetched)
            {
                keys.BySerial = fetched;
            }

            return keys.BySerial.GetValueOrDefault(serial);
        }
        finally
        {
            keys.Fetching.Release();
        }
    }

    private async Task<FrozenDictionary<string, byte[]>?> FetchAsync(string channel, CancellationToken ct)
    {
        var apiV3Key = channels.SettingsOf(channel).ApiV3Key;
        CertificatesJson? answer;
        try
        {
            using var response = await channels.HttpOf(channel).GetAsync($"{Uri.EscapeDataString(channel)}/v3/certificates", ct);
            response.EnsureSuccessStatusCode();
            answer = await response.Content.ReadFromJsonAsync(GatewayJson.Default.CertificatesJson, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The notification is refused as from an unknown serial, and the gateway sends it again later.
            PaymentsLog.CertificatesUnavailable(logger, e, channel);
            return null;
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var certificate in answer?.Data ?? [])
        {
            try
            {
                var encrypted = certificate.EncryptCertificate;
                if (certificate.SerialNo is not { Length: > 0 } serial || encrypted is not { Ciphertext: not null, Nonce: not null }
                    || encrypted.Algorithm != ApiV3Cipher.Algorithm)
                {
                    throw new FormatException("a certificate entry lacks its serial, ciphertext or nonce, or is not AEAD_AES_256_GCM");
                }

                var pem = Encoding.UTF8.GetString(ApiV3Cipher.Decrypt(apiV3Key, encrypted.Nonce, encrypted.AssociatedData ?? "", encrypted.Ciphertext));
                using var rsa = RSA.Create();
                rsa.ImportFromPem(pem);
                keys[serial] = rsa.ExportSubjectPublicKeyInfo();
            }
            catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
            {
                PaymentsLog.CertificateUnreadable(logger, e, channel, certificate.SerialNo);
            }
        }

        PaymentsLog.CertificatesFetched(logger, channel, keys.Count);
        return keys.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private sealed class ChannelKeys
    {
        public readonly SemaphoreSlim Fetching = new(1, 1);

        public volatile FrozenDictionary<string, byte[]> BySerial = FrozenDictionary<string, byte[]>.Empty;

        public DateTimeOffset? FetchedAt;
    }
}
