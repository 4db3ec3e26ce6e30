using System.Security.Cryptography;
using System.Text;

namespace FlashSale.PaymentSandbox;

/// <summary>The encrypted <c>resource</c> of a notification, or the <c>encrypt_certificate</c> of /v3/certificates.</summary>
internal readonly record struct SealedResource(string Nonce, string Ciphertext);

/// <summary>
/// AEAD_AES_256_GCM with a channel's APIv3 key, exactly as merchants decrypt WeChat's: the IV is the 12 ASCII bytes of a
/// random nonce sent beside the ciphertext, the AAD the ASCII bytes of <c>associated_data</c>, the tag appended to the ciphertext.
/// </summary>
internal sealed class ResourceCipher(byte[] apiV3Key)
{
    public const string Algorithm = "AEAD_AES_256_GCM";

    private const int TagSize = 16;

    public SealedResource Encrypt(string associatedData, byte[] plaintext)
    {
        var nonce = RandomText.Alphanumeric(12);
        var output = new byte[plaintext.Length + TagSize];
        // A fresh AesGcm per call: instances promise nothing about concurrent use, and creating one is cheap.
        using var aes = new AesGcm(apiV3Key, TagSize);
        aes.Encrypt(Encoding.ASCII.GetBytes(nonce), plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), Encoding.ASCII.GetBytes(associatedData));
        return new SealedResource(nonce, Convert.ToBase64String(output));
    }
}
