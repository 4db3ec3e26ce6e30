using System.Security.Cryptography;

namespace FlashSale.PaymentSandbox;

/// <summary>Nonces and identifiers from the cryptographic generator: a merchant may rely on them never repeating.</summary>
internal static class RandomText
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private const string Digits = "0123456789";

    public static string Alphanumeric(int length) => RandomNumberGenerator.GetString(Letters, length);

    public static string Numeric(int length) => RandomNumberGenerator.GetString(Digits, length);
}
