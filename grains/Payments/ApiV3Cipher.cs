using System.Security.Cryptography;
using System.Text;

namespace FlashSale.Grains.Payments;

/// <summary>
/// AEAD_AES_256_GCM as the gateway uses it for notification resources and platform certificates: key =
/// the APIv3 key's 32 ASCII bytes, IV = the nonce's 12 ASCII bytes, AAD = associated_data's bytes,
/// ciphertext = Base64 of the encrypted bytes followed by the 16-byte tag.
/// </summary>
internal static class ApiV3Cipher
{
    public const string Algorithm = "AEAD_AES_256_GCM";
    private const int TagBytes = 16;
    private const int NonceBytes = 12;

    /// <summary>The plaintext; a CryptographicException when the tag does not match (wrong key, nonce, AAD or bytes), a FormatException when the layout is not the spec's.</summary>
    public static byte[] Decrypt(string apiV3Key, string nonce, string associatedData, string ciphertextBase64)
    {
        var key = Encoding.ASCII.GetBytes(apiV3Key);
        var iv = Encoding.ASCII.GetBytes(nonce);
        if (key.Length != 32 || iv.Length != NonceBytes)
        {
            throw new FormatException("An APIv3 key is 32 ASCII characters and a nonce 12.");
        }

        var sealedBytes = Convert.FromBase64String(ciphertextBase64);
        if (sealedBytes.Length < TagBytes)
        {
            throw new FormatException("The ciphertext is shorter than its tag.");
        }

        var cipherLength = sealedBytes.Length - TagBytes;
        var plaintext = new byte[cipherLength];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(iv, sealedBytes.AsSpan(0, cipherLength), sealedBytes.AsSpan(cipherLength), plaintext, Encoding.ASCII.GetBytes(associatedData));
        return plaintext;
    }
}
