using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Wallet;

/// <summary>Configuration section <c>CardSecrets</c> on silos.</summary>
public sealed class CardSecretOptions : IValidatableObject
{
    /// <summary>
    /// The AES-256 key, base64 (32 bytes). Only Development has one in its settings file; a silo
    /// without one runs, and refuses only what needs it (importing and opening card secrets).
    /// </summary>
    public string? Key { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var bytes = new byte[32];
        if (Key is not null && !(Convert.TryFromBase64String(Key, bytes, out var length) && length == 32))
        {
            yield return new ValidationResult("must be a base64 AES-256 key (32 bytes).", [nameof(Key)]);
        }
    }
}

/// <summary>
/// Seals card secrets with AES-GCM. Each is bound to its campaign and slot (authenticated data), so
/// that a sealed value copied to another row does not open; a keyed fingerprint finds duplicates
/// without the secrets ever being stored in clear.
/// </summary>
public sealed class CardSecretSeal(IOptions<CardSecretOptions> options)
{
    private const int NonceSize = 12, TagSize = 16;

    private readonly Lazy<(byte[] Key, byte[] FingerprintKey)> _keys = new(() =>
    {
        var key = options.Value.Key is { } text ? Convert.FromBase64String(text) : [];
        if (key.Length != 32)
        {
            throw new InvalidOperationException("Set CardSecrets:Key (env CardSecrets__Key) to a base64 AES-256 key (32 bytes).");
        }

        return (key, HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "flashsale card secret fingerprint"u8.ToArray()));
    });

    public byte[] Seal(Guid campaignId, int slot, string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedValue = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys.Value.Key, TagSize);
        aes.Encrypt(nonce, plain, sealedValue.AsSpan(NonceSize, plain.Length), sealedValue.AsSpan(NonceSize + plain.Length), Bound(campaignId, slot));
        return sealedValue;
    }

    public string Open(Guid campaignId, int slot, byte[] sealedValue)
    {
        var length = sealedValue.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(_keys.Value.Key, TagSize);
        aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize, length), sealedValue.AsSpan(NonceSize + length), plain,
            Bound(campaignId, slot));
        return Encoding.UTF8.GetString(plain);
    }

    public byte[] Fingerprint(string secret) => HMACSHA256.HashData(_keys.Value.FingerprintKey, Encoding.UTF8.GetBytes(secret));

    private static byte[] Bound(Guid campaignId, int slot) => [.. campaignId.ToByteArray(), .. BitConverter.GetBytes(slot)];
}
