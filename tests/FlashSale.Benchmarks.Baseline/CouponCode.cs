using System.Security.Cryptography;

namespace FlashSale.Benchmarks.Baseline;

/// <summary>A coupon code like FlashSale's: 24 characters of Crockford base32 carrying 120 random bits.</summary>
public static class CouponCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int RandomBytes = 15;
    private const int Length = RandomBytes * 8 / 5;

    public static string New()
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        Span<char> code = stackalloc char[Length];
        int pending = 0, pendingBits = 0, written = 0;
        foreach (var b in random)
        {
            pending = (pending << 8) | b;
            pendingBits += 8;
            while (pendingBits >= 5)
            {
                pendingBits -= 5;
                code[written++] = Alphabet[(pending >> pendingBits) & 31];
            }
        }

        return new string(code);
    }
}
