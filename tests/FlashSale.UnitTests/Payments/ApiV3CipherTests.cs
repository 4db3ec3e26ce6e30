using System.Security.Cryptography;
using System.Text;
using FlashSale.Grains.Payments;

namespace FlashSale.UnitTests.Payments;

/// <summary>AEAD_AES_256_GCM with the layout of PROTOCOL.md: ASCII key, 12-character nonce, ASCII AAD, Base64(ciphertext ‖ 16-byte tag).</summary>
public sealed class ApiV3CipherTests
{
    [Fact]
    public void What_the_gateway_encrypts_decrypts_to_the_same_bytes()
    {
        const string Plain = """{"out_trade_no":"T1","attach":"订单 1"}""";
        var sealedText = Seal.Encrypt(TestChannels.ApiV3Key, "abcdefghijkl", "transaction", Plain);

        var plain = ApiV3Cipher.Decrypt(TestChannels.ApiV3Key, "abcdefghijkl", "transaction", sealedText);

        Assert.Equal(Plain, Encoding.UTF8.GetString(plain));
    }

    [Fact]
    public void A_vector_made_by_another_implementation_decrypts()
    {
        // Python's cryptography AESGCM(key).encrypt(b"fixednonce12", plaintext, b"transaction"), which appends the tag as the spec does.
        const string Vector = "i461hjayy0rPmB9D4BJ3TsQz6bjibYLbpZSyBg9jW60FbssmGYFu0A==";

        var plain = ApiV3Cipher.Decrypt(TestChannels.ApiV3Key, "fixednonce12", "transaction", Vector);

        Assert.Equal("""{"out_trade_no":"T0001"}""", Encoding.UTF8.GetString(plain));
    }

    [Theory]
    [InlineData("flashsale-sandbox-apiv3-key-0002", "abcdefghijkl", "transaction")]
    [InlineData(TestChannels.ApiV3Key, "abcdefghijkm", "transaction")]
    [InlineData(TestChannels.ApiV3Key, "abcdefghijkl", "refund")]
    public void Another_key_nonce_or_associated_data_fails_the_tag(string key, string nonce, string associatedData)
    {
        var sealedText = Seal.Encrypt(TestChannels.ApiV3Key, "abcdefghijkl", "transaction", "{}");

        Assert.ThrowsAny<CryptographicException>(() => ApiV3Cipher.Decrypt(key, nonce, associatedData, sealedText));
    }

    [Fact]
    public void A_nonce_that_is_not_twelve_characters_is_refused()
    {
        var sealedText = Seal.Encrypt(TestChannels.ApiV3Key, "abcdefghijkl", "transaction", "{}");

        Assert.Throws<FormatException>(() => ApiV3Cipher.Decrypt(TestChannels.ApiV3Key, "abcdefghijklm", "transaction", sealedText));
    }
}
